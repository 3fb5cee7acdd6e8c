package dev.jwtauth.passkeys;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.mail.Mail;
import dev.jwtauth.mail.MailMessage;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Notices of passkeys added or removed, sent only to a verified address: a notice to an
 * address nobody proved could tell a stranger about the account.
 */
@Component
class PasskeyMails {

	private final Mail mail;

	PasskeyMails(Mail mail) {
		this.mail = mail;
	}

	void added(AccountDetails account, String name) {
		send(account, "A passkey was added", "The passkey \"" + name + "\" can now log in to " + account.username()
				+ " without the password.");
	}

	void removed(AccountDetails account, int count) {
		send(account, (count == 1) ? "A passkey was removed" : "Passkeys were removed",
				count + ((count == 1) ? " passkey" : " passkeys") + " of " + account.username()
						+ " can no longer log in.");
	}

	private void send(AccountDetails account, String subject, String what) {
		if (account.email() == null || !account.emailVerified()) {
			return;
		}
		String closing = "If it was not you, change your password at once and check the account's passkeys and sessions.";
		this.mail.send(new MailMessage(account.email(), subject, what + "\n\n" + closing + "\n",
				"<p>" + HtmlUtils.htmlEscape(what) + "</p><p>" + HtmlUtils.htmlEscape(closing) + "</p>"));
	}

}
