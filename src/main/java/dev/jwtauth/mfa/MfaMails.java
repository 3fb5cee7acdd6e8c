package dev.jwtauth.mfa;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.mail.Mail;
import dev.jwtauth.mail.MailMessage;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Security notices about second factors, sent only to a verified address: a notice to an
 * address nobody proved could tell a stranger about the account.
 */
@Component
class MfaMails {

	private final Mail mail;

	MfaMails(Mail mail) {
		this.mail = mail;
	}

	void factorAdded(AccountDetails account) {
		send(account, "A second factor was turned on",
				"An authenticator app (TOTP) now guards the logins of " + account.username() + ".");
	}

	void factorRemoved(AccountDetails account) {
		send(account, "Your second factor was turned off",
				"The authenticator app (TOTP) of " + account.username() + " was removed; logins need the password only.");
	}

	void recoveryCodesReplaced(AccountDetails account) {
		send(account, "New recovery codes", "New recovery codes were made for " + account.username()
				+ "; the earlier ones no longer work.");
	}

	void wrongCode(AccountDetails account) {
		send(account, "A wrong login code was entered", "Someone entered the right password of "
				+ account.username() + " and then a wrong code from the authenticator app or a wrong recovery code.");
	}

	private void send(AccountDetails account, String subject, String what) {
		if (account.email() == null || !account.emailVerified()) {
			return;
		}
		String closing = "If it was not you, change your password at once and check the account's sessions.";
		this.mail.send(new MailMessage(account.email(), subject, what + "\n\n" + closing + "\n",
				"<p>" + HtmlUtils.htmlEscape(what) + "</p><p>" + HtmlUtils.htmlEscape(closing) + "</p>"));
	}

}
