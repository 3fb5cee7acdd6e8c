package dev.jwtauth.recovery;

import java.util.Objects;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.mail.Mail;
import dev.jwtauth.mail.MailMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of the recovery mails. Links carry the token in their fragment, so it reaches
 * no server log and no {@code Referer}; the page asks before it spends it.
 */
@Component
class RecoveryMails {

	private static final String PASTE = "The code the link carries, for a client that asks for it:";

	private final Mail mail;

	RecoveryMails(Mail mail) {
		this.mail = mail;
	}

	void reset(AccountDetails account, String token) {
		String link = this.mail.link("reset", token);
		send(address(account), "Reset your password",
				"Someone asked to reset the password of " + account.username() + ". If it was you, open this link"
						+ " and choose a new password:",
				link, token,
				"The link works once, for a short while. If it was not you, ignore this mail: your password"
						+ " stays as it is.");
	}

	void passwordReset(AccountDetails account) {
		send(address(account), "Your password was reset",
				"The password of " + account.username() + " was just reset, and every session of the account"
						+ " was ended.",
				null, null, "If it was not you, reset it again at once and check the account's sessions.");
	}

	void passwordChanged(AccountDetails account) {
		send(address(account), "Your password was changed",
				"The password of " + account.username() + " was just changed, and every session of the"
						+ " account was ended.",
				null, null, "If it was not you, reset it at once from the login page.");
	}

	void verify(String to, String username, String token) {
		send(to, "Confirm your email address",
				"Confirm that " + to + " is the address of " + username + " by opening this link:",
				this.mail.link("verify", token), token,
				"If you did not sign up or ask for this, ignore this mail.");
	}

	void emailChangeRequested(AccountDetails account, String newEmail) {
		send(address(account), "Email change requested",
				"Someone signed in as " + account.username() + " asked to change its email address to " + newEmail
						+ ". It changes only when the new address confirms it.",
				null, null, "If it was not you, change your password now.");
	}

	void emailChanged(String oldEmail, String username, String newEmail, String revertToken) {
		send(oldEmail, "Your email address was changed",
				"The email address of " + username + " is now " + newEmail + ". If you did not make this change,"
						+ " open this link to restore this address and end every session:",
				this.mail.link("verify", revertToken), revertToken,
				"The link works for 7 days.");
	}

	private static String address(AccountDetails account) {
		return Objects.requireNonNull(account.email());
	}

	/** Text and HTML alike; the token also stands on a line of its own, to be pasted. */
	private void send(String to, String subject, String opening, @Nullable String link, @Nullable String token,
			String closing) {
		StringBuilder text = new StringBuilder(opening).append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(HtmlUtils.htmlEscape(opening)).append("</p>");
		if (link != null) {
			text.append(link).append("\n\n");
			html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link)).append("\">")
				.append(HtmlUtils.htmlEscape(link)).append("</a></p>");
		}
		if (token != null) {
			text.append(PASTE).append("\n\n").append(token).append("\n\n");
			html.append("<p>").append(PASTE).append("</p><p><code>").append(token).append("</code></p>");
		}
		text.append(closing).append('\n');
		html.append("<p>").append(HtmlUtils.htmlEscape(closing)).append("</p>");
		this.mail.send(new MailMessage(to, subject, text.toString(), html.toString()));
	}

}
