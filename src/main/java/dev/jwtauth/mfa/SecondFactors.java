package dev.jwtauth.mfa;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.AccountListener;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.SecondFactorNames;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.login.Logins;
import dev.jwtauth.login.MfaChallenge;
import dev.jwtauth.login.SecondFactorCheck;
import dev.jwtauth.passkeys.Passkeys;
import dev.jwtauth.sessions.Sessions;
import dev.jwtauth.sessions.TokenResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mfa module's public API: which factors an account has (for {@code /me} and the
 * export), the challenge a right password gets when one is on, the login's second step,
 * and the removals an admin's reset or an unproven password reset make. The owner's own
 * changes to the factor are {@link OwnFactor}'s.
 */
@Service
public class SecondFactors implements SecondFactorCheck, SecondFactorNames, AccountListener {

	static final List<String> METHODS = List.of("totp", "recovery_code");

	private final TotpFactors factors;

	private final RecoveryCodes recoveryCodes;

	private final MfaChallenges challenges;

	private final CodeCheck codes;

	private final Accounts accounts;

	private final Logins logins;

	private final Sessions sessions;

	private final MfaMails mails;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final MfaProperties properties;

	private final Passkeys passkeys;

	/** Each account's factor names as last read, for {@code /me} while the database is away. */
	private final Cache<UUID, List<String>> lastSeen = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	SecondFactors(TotpFactors factors, RecoveryCodes recoveryCodes, MfaChallenges challenges, CodeCheck codes,
			Accounts accounts, Logins logins, Sessions sessions, MfaMails mails, AuditLog audit,
			TransactionTemplate transactions, MfaProperties properties, Passkeys passkeys) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.challenges = challenges;
		this.codes = codes;
		this.accounts = accounts;
		this.logins = logins;
		this.sessions = sessions;
		this.mails = mails;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.passkeys = passkeys;
	}

	/** {@code ["totp"]} when the account's TOTP factor is on; empty otherwise (a pending one included). */
	@Override
	public List<String> of(UUID accountId) {
		try {
			List<String> names = this.factors.findEnabled(accountId).isPresent() ? List.of("totp") : List.of();
			this.lastSeen.put(accountId, names);
			return names;
		}
		catch (DataAccessException ex) {
			// The database is away: /me answers from memory as it does for the account itself,
			// with what this instance last read; never read, it cannot say, and the outage shows.
			List<String> known = this.lastSeen.getIfPresent(accountId);
			if (known == null) {
				throw ex;
			}
			return known;
		}
	}

	/** The account's factors as its export shows them: what and when, never a secret. */
	public List<FactorView> export(UUID accountId) {
		return this.factors.find(accountId)
			.map((factor) -> List.of(new FactorView("totp", factor.createdAt(), factor.enabledAt(),
					this.recoveryCodes.left(accountId))))
			.orElse(List.of());
	}

	@Override
	public Optional<MfaChallenge> challenge(AccountDetails account, ClientInfo client) {
		if (this.factors.findEnabled(account.id()).isEmpty()) {
			return Optional.empty();
		}
		String token = this.challenges.issue(account.id(), this.properties.challengeTtl());
		return Optional.of(new MfaChallenge(token, METHODS, this.properties.challengeTtl().toSeconds()));
	}

	/** A changed password ends the logins waiting for a code. */
	@Override
	public void passwordChanged(AccountDetails account) {
		this.challenges.endAll(account.id());
	}

	@Override
	public void accountChanged(UUID accountId, boolean enabled) {
		if (!enabled) {
			this.challenges.endAll(accountId);
		}
	}

	/**
	 * Removes the account's factors, recovery codes and passkeys and ends its sessions, for
	 * an admin.
	 * @return false when there is no such account
	 */
	public boolean reset(UUID accountId, ClientInfo client) {
		AccountDetails account = this.accounts.find(accountId).orElse(null);
		if (account == null) {
			return false;
		}
		boolean removed = removeAll(accountId);
		this.passkeys.removeAll(accountId, "admin_passkey_reset", client);
		this.sessions.revokeAll(accountId);
		this.audit.record("admin_mfa_reset", accountId, client.address(), "success");
		if (removed) {
			this.mails.factorRemoved(account);
		}
		return true;
	}

	/**
	 * Removes the account's factors and passkeys after a password reset through an address that had
	 * never been proven: whoever added them may have registered the address first.
	 */
	public void removeAfterUnprovenReset(UUID accountId, ClientInfo client) {
		if (removeAll(accountId)) {
			this.audit.record("mfa_remove_by_reset", accountId, client.address(), "success");
		}
		this.passkeys.removeAll(accountId, "passkey_remove_by_reset", client);
	}

	/**
	 * The second step of a login: a right code spends the mfa_token and starts a session
	 * whose tokens say {@code amr: ["pwd", "otp", "mfa"]}.
	 * @throws InvalidCodeException for a wrong code or a dead mfa_token alike
	 */
	TokenResponse completeLogin(String mfaToken, @Nullable String code, @Nullable String recoveryCode,
			ClientInfo client) {
		MfaChallenges.Challenge challenge = this.challenges.attempt(mfaToken).orElse(null);
		AccountDetails account = (challenge != null) ? this.accounts.active(challenge.accountId()) : null;
		TotpFactors.Factor factor = (account != null) ? this.factors.findEnabled(account.id()).orElse(null) : null;
		if (challenge == null || account == null || factor == null || passwordChangedSince(challenge)) {
			if (challenge != null) {
				this.challenges.spend(challenge);
			}
			this.audit.record("login_mfa", (account != null) ? account.id() : null, client.address(),
					"invalid_mfa_token");
			throw new InvalidCodeException();
		}
		Optional<TokenResponse> tokens = this.logins.completeLogin(account, client, Sessions.PASSWORD_AND_CODE,
				() -> this.codes.spend(factor, code, recoveryCode, challenge));
		if (tokens.isEmpty()) {
			this.mails.wrongCode(account);
			throw new InvalidCodeException();
		}
		return tokens.get();
	}

	private boolean passwordChangedSince(MfaChallenges.Challenge challenge) {
		Instant changed = this.accounts.passwordChangedAt(challenge.accountId());
		return changed != null && changed.isAfter(challenge.createdAt());
	}

	@Override
	public void requireCode(UUID accountId, @Nullable String code, @Nullable String recoveryCode) {
		TotpFactors.Factor factor = this.factors.findEnabled(accountId).orElse(null);
		if (factor != null && !this.codes.spend(factor, code, recoveryCode, null)) {
			throw new InvalidFieldsException("code",
					"is not a current code of the authenticator app or an unused recovery code");
		}
	}

	/** Removes the factor, its recovery codes and the logins waiting for a code. */
	boolean removeAll(UUID accountId) {
		Boolean removed = this.transactions.execute((status) -> {
			boolean factor = this.factors.delete(accountId);
			this.recoveryCodes.deleteAll(accountId);
			this.challenges.endAll(accountId);
			return factor;
		});
		return Boolean.TRUE.equals(removed);
	}

	/**
	 * A factor as the export shows it.
	 *
	 * @param type {@code totp}
	 * @param createdAt when it was added
	 * @param enabledAt when its first code turned it on; null while pending
	 * @param recoveryCodesLeft how many recovery codes are unused
	 */
	public record FactorView(String type, Instant createdAt, @Nullable Instant enabledAt, int recoveryCodesLeft) {
	}

}
