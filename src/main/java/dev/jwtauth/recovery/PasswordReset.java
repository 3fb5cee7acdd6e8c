package dev.jwtauth.recovery;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.login.Logins;
import dev.jwtauth.mfa.SecondFactors;
import dev.jwtauth.recovery.OneTimeTokens.Purpose;
import dev.jwtauth.sessions.Sessions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Password reset by mail. A request is answered before anything is looked up: the
 * lookup, the token and the mail happen on a thread of their own, so the answer and its
 * timing are the same whether or not the account exists.
 */
@Service
class PasswordReset implements DisposableBean {

	private static final Log log = LogFactory.getLog(PasswordReset.class);

	private final Accounts accounts;

	private final OneTimeTokens tokens;

	private final ValidTokens validTokens;

	private final RecoveryMails mails;

	private final Sessions sessions;

	private final Logins logins;

	private final AuditLog audit;

	private final RecoveryProperties properties;

	private final SecondFactors factors;

	// One thread is plenty for mail requests; a flood beyond the queue is dropped, as a
	// lost mail would be, rather than held in memory.
	private final ThreadPoolExecutor requests = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1000), new CustomizableThreadFactory("recovery-"),
			(task, executor) -> log.warn("Too many recovery requests queued: one dropped"));

	PasswordReset(Accounts accounts, OneTimeTokens tokens, ValidTokens validTokens, RecoveryMails mails, Sessions sessions, Logins logins,
			AuditLog audit, RecoveryProperties properties, SecondFactors factors) {
		this.factors = factors;
		this.accounts = accounts;
		this.tokens = tokens;
		this.validTokens = validTokens;
		this.mails = mails;
		this.sessions = sessions;
		this.logins = logins;
		this.audit = audit;
		this.properties = properties;
		((CustomizableThreadFactory) this.requests.getThreadFactory()).setDaemon(true);
	}

	/** Mails a reset link to the account's stored address, if there is such an account. */
	void request(String loginName, ClientInfo client) {
		this.requests.execute(() -> {
			try {
				send(loginName, client);
			}
			catch (RuntimeException ex) {
				log.warn("A password reset request failed: " + ex.getMessage());
			}
		});
	}

	private void send(String loginName, ClientInfo client) {
		Optional<AccountDetails> account = this.accounts.accountIdOf(loginName).flatMap(this.accounts::find);
		if (account.isEmpty() || !account.get().enabled() || account.get().email() == null) {
			return;
		}
		UUID id = account.get().id();
		if (this.tokens.issuedWithin(Purpose.RESET, id, this.properties.mailInterval())) {
			this.audit.record("password_reset_request", id, client.address(), "throttled");
			return;
		}
		String token = this.tokens.issue(Purpose.RESET, id, null, this.properties.tokenTtl());
		this.mails.reset(account.get(), token);
		this.audit.record("password_reset_request", id, client.address(), "mailed");
	}

	/**
	 * Sets the new password, ends every session of the account on every instance, lifts
	 * its login lockout and mails a notice.
	 * @throws InvalidFieldsException naming {@code token} (unknown, used, expired, or older
	 * than the last password change) or {@code new_password} (the token is not spent then)
	 */
	void confirm(@Nullable String token, @Nullable String newPassword, ClientInfo client) {
		ValidTokens.Valid valid = this.validTokens.find(token, Purpose.RESET);
		AccountDetails account = valid.account();
		UUID id = account.id();
		this.accounts.checkNewPassword(id, newPassword);
		this.validTokens.spend(valid);
		this.accounts.resetPassword(id, newPassword);
		if (!account.emailVerified()) {
			this.factors.removeAfterUnprovenReset(id, client);
		}
		this.sessions.revokeAll(id);
		this.logins.liftLockout(id);
		this.audit.record("password_reset", id, client.address(), "success");
		this.mails.passwordReset(account);
	}

	@Override
	public void destroy() {
		this.requests.shutdownNow();
	}

}
