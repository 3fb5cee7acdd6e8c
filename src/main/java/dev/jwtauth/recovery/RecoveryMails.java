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

	private final Mail mail;

	RecoveryMails(Mail mail) {
		this.mail = mail;
	}

	void reset(AccountDetails account, String token) {
		String link = this.mail.link("reset", token);
		send(account, "Reset your password",
				"Someone asked to reset the password of " + account.username() + ". If it was you, open this link"
						+ " and choose a new password:",
				link, "Or paste this code into the reset form: " + token,
				"The link works once, for a short while. If it was not you, ignore this mail: your password"
						+ " stays as it is.");
	}

	void passwordReset(AccountDetails account) {
		send(account, "Your password was reset",
				"The password of " + account.username() + " was just reset, and every session of the account"
						+ " was ended.",
				null, null, "If it was not you, reset it again at once and check the account's sessions.");
	}

	private void send(AccountDetails account, String subject, String opening, @Nullable String link,
			@Nullable String code, String closing) {
		String to = Objects.requireNonNull(account.email());
		StringBuilder text = new StringBuilder(opening).append("\n\n");
		StringBuilder html = new StringBuilder("<p>").append(HtmlUtils.htmlEscape(opening)).append("</p>");
		if (link != null) {
			text.append(link).append("\n\n");
			html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(link)).append("\">")
				.append(HtmlUtils.htmlEscape(link)).append("</a></p>");
		}
		if (code != null) {
			text.append(code).append("\n\n");
			html.append("<p>").append(HtmlUtils.htmlEscape(code)).append("</p>");
		}
		text.append(closing).append('\n');
		html.append("<p>").append(HtmlUtils.htmlEscape(closing)).append("</p>");
		this.mail.send(new MailMessage(to, subject, text.toString(), html.toString()));
	}

}
