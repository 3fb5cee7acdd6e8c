package dev.jwtauth.recovery;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.AccountListener;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.login.Logins;
import dev.jwtauth.recovery.OneTimeTokens.Purpose;
import dev.jwtauth.sessions.Sessions;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Proving an email address: after signup, on request, and when the address changes (the
 * change happens only once the new address confirms it, and the old one can undo it).
 */
@Service
class EmailVerification implements AccountListener {

	private static final Duration REVERT_TTL = Duration.ofDays(7);

	private final Accounts accounts;

	private final OneTimeTokens tokens;

	private final ValidTokens validTokens;

	private final RecoveryMails mails;

	private final Sessions sessions;

	private final Logins logins;

	private final AuditLog audit;

	private final RecoveryProperties properties;

	EmailVerification(Accounts accounts, OneTimeTokens tokens, ValidTokens validTokens, RecoveryMails mails, Sessions sessions, Logins logins,
			AuditLog audit, RecoveryProperties properties) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.validTokens = validTokens;
		this.mails = mails;
		this.sessions = sessions;
		this.logins = logins;
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	public void accountCreated(AccountDetails account) {
		if (account.email() != null && !account.emailVerified()) {
			sendProof(account);
		}
	}

	/** A security notice, to a proven address only. */
	@Override
	public void passwordChanged(AccountDetails account) {
		if (account.email() != null && account.emailVerified()) {
			this.mails.passwordChanged(account);
		}
	}

	/** Sends the proof again, at most once per mail interval; nothing when there is nothing to prove. */
	void resend(UUID accountId) {
		AccountDetails account = this.accounts.active(accountId);
		if (account == null || account.email() == null || account.emailVerified()
				|| this.tokens.issuedWithin(Purpose.VERIFY, accountId, this.properties.mailInterval())) {
			return;
		}
		sendProof(account);
	}

	/**
	 * Mails a proof to the new address when it is free, after checking the password; the
	 * answer is the same either way.
	 */
	void requestChange(UUID accountId, @Nullable String newEmail, @Nullable String currentPassword,
			@Nullable String code, @Nullable String recoveryCode, ClientInfo client) {
		AccountDetails account = this.accounts.find(accountId).orElseThrow();
		String email = this.accounts.normalizeEmail(newEmail, "new_email");
		this.logins.reauthenticate(accountId, currentPassword, code, recoveryCode, "email_change", client);
		if (!this.accounts.isLoginNameFree(email)
				|| this.tokens.issuedWithin(Purpose.EMAIL_CHANGE, accountId, this.properties.mailInterval())) {
			this.audit.record("email_change_request", accountId, client.address(), "not_sent");
			return;
		}
		String token = this.tokens.issue(Purpose.EMAIL_CHANGE, accountId, email, this.properties.verifyTokenTtl());
		this.mails.verify(email, account.username(), token);
		if (account.email() != null && account.emailVerified()) {
			this.mails.emailChangeRequested(account, email);
		}
		this.audit.record("email_change_request", accountId, client.address(), "mailed");
	}

	/**
	 * Spends a token mailed by this class: proves the address, makes a change happen, or
	 * undoes one (which ends every session).
	 * @throws InvalidFieldsException naming {@code token} when it is unknown, used, expired
	 * or no longer valid
	 * @throws dev.jwtauth.accounts.AccountTakenException when the address was taken meanwhile
	 */
	void verify(@Nullable String token, ClientInfo client) {
		ValidTokens.Valid valid = this.validTokens.find(token, Purpose.VERIFY, Purpose.EMAIL_CHANGE,
				Purpose.EMAIL_REVERT);
		OneTimeTokens.Found found = valid.token();
		AccountDetails account = valid.account();
		UUID id = account.id();
		String email = Objects.requireNonNull(found.payload());
		this.validTokens.spend(valid);
		switch (found.purpose()) {
			case VERIFY -> {
				if (!this.accounts.markEmailVerified(id, email)) {
					throw ValidTokens.invalid();
				}
			}
			case EMAIL_CHANGE -> {
				this.accounts.changeEmail(id, email);
				if (account.email() != null) {
					String revert = this.tokens.issue(Purpose.EMAIL_REVERT, id, account.email(), REVERT_TTL);
					this.mails.emailChanged(account.email(), account.username(), email, revert);
				}
			}
			case EMAIL_REVERT -> {
				this.accounts.changeEmail(id, email);
				this.sessions.revokeAll(id);
			}
			default -> throw ValidTokens.invalid();
		}
		String event = switch (found.purpose()) {
			case EMAIL_CHANGE -> "email_change";
			case EMAIL_REVERT -> "email_revert";
			default -> "email_verify";
		};
		this.audit.record(event, id, client.address(), "success");
	}

	private void sendProof(AccountDetails account) {
		String email = Objects.requireNonNull(account.email());
		String token = this.tokens.issue(Purpose.VERIFY, account.id(), email, this.properties.verifyTokenTtl());
		this.mails.verify(email, account.username(), token);
	}


}
