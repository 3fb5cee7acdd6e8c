package dev.jwtauth.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mfa module's public API: which factors an account has (for {@code /me} and the
 * export), the challenge a right password gets when one is on, and the admin's reset.
 * Its routes enrol, confirm, disable, replace recovery codes and complete logins.
 */
@Service
public class SecondFactors implements SecondFactorCheck, SecondFactorNames, AccountListener {

	static final List<String> METHODS = List.of("totp", "recovery_code");

	private final TotpFactors factors;

	private final RecoveryCodes recoveryCodes;

	private final MfaChallenges challenges;

	private final SecretCipher cipher;

	private final CodeCheck codes;

	private final Accounts accounts;

	private final Logins logins;

	private final Sessions sessions;

	private final MfaMails mails;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MfaProperties properties;

	private final Passkeys passkeys;

	private final SecureRandom random = new SecureRandom();

	/** Each account's factor names as last read, for {@code /me} while the database is away. */
	private final Cache<UUID, List<String>> lastSeen = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	SecondFactors(TotpFactors factors, RecoveryCodes recoveryCodes, MfaChallenges challenges, SecretCipher cipher,
			CodeCheck codes, Accounts accounts, Logins logins, Sessions sessions, MfaMails mails, AuditLog audit,
			TransactionTemplate transactions, Clock clock, MfaProperties properties, Passkeys passkeys) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.challenges = challenges;
		this.cipher = cipher;
		this.codes = codes;
		this.accounts = accounts;
		this.logins = logins;
		this.sessions = sessions;
		this.mails = mails;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
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

	Enrolment enrol(UUID accountId, @Nullable String currentPassword, ClientInfo client) {
		if (this.factors.findEnabled(accountId).isPresent()) {
			throw alreadyOn();
		}
		this.logins.reauthenticate(accountId, currentPassword, null, null, "mfa_enrol", client);
		AccountDetails account = this.accounts.find(accountId).orElseThrow();
		byte[] secret = Totp.newSecret(this.random);
		if (!this.factors.savePending(accountId, this.cipher.seal(secret, accountId), this.clock.instant())) {
			throw alreadyOn();
		}
		this.audit.record("mfa_enrol", accountId, client.address(), "pending");
		Enrolment enrolment = Enrolment.of(secret, this.properties.issuer(), account.username());
		Arrays.fill(secret, (byte) 0);
		return enrolment;
	}

	private static ResponseStatusException alreadyOn() {
		return new ResponseStatusException(HttpStatus.CONFLICT,
				"A TOTP factor is already on; turn it off before adding another.");
	}

	/** Turns the pending factor on with its first right code, and answers the first recovery codes. */
	List<String> confirm(UUID accountId, @Nullable String code, ClientInfo client) {
		TotpFactors.Factor factor = this.factors.find(accountId)
			.filter((found) -> !found.enabled())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
					"No TOTP factor is waiting for confirmation: start with POST /me/mfa/totp."));
		OptionalLong step = this.codes.stepOf(factor, code);
		if (step.isEmpty()) {
			this.audit.record("mfa_confirm", accountId, client.address(), "failure");
			throw new InvalidFieldsException("code", "is not the current code of the authenticator app");
		}
		List<RecoveryCodes.NewCode> codes = this.recoveryCodes.generate();
		Instant now = this.clock.instant();
		Boolean enabled = this.transactions.execute((status) -> {
			if (!this.factors.enable(accountId, step.getAsLong(), now)) {
				return false;
			}
			this.recoveryCodes.replace(accountId, codes, now);
			return true;
		});
		if (!Boolean.TRUE.equals(enabled)) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "The TOTP factor was confirmed or removed meanwhile.");
		}
		this.audit.record("mfa_confirm", accountId, client.address(), "success");
		this.accounts.find(accountId).ifPresent(this.mails::factorAdded);
		return codes.stream().map(RecoveryCodes.NewCode::code).toList();
	}

	void disable(UUID accountId, @Nullable String currentPassword, @Nullable String code,
			@Nullable String recoveryCode, ClientInfo client) {
		reauthenticate(accountId, currentPassword, code, recoveryCode, "mfa_disable", client);
		removeAll(accountId);
		this.audit.record("mfa_disable", accountId, client.address(), "success");
		this.accounts.find(accountId).ifPresent(this.mails::factorRemoved);
	}

	List<String> replaceRecoveryCodes(UUID accountId, @Nullable String currentPassword, @Nullable String code,
			@Nullable String recoveryCode, ClientInfo client) {
		reauthenticate(accountId, currentPassword, code, recoveryCode, "mfa_recovery_codes", client);
		List<RecoveryCodes.NewCode> codes = this.recoveryCodes.generate();
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> this.recoveryCodes.replace(accountId, codes, now));
		this.audit.record("mfa_recovery_codes", accountId, client.address(), "success");
		this.accounts.find(accountId).ifPresent(this.mails::recoveryCodesReplaced);
		return codes.stream().map(RecoveryCodes.NewCode::code).toList();
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

	/** Checks the password and a code or a recovery code of an account whose factor is on. */
	private void reauthenticate(UUID accountId, @Nullable String currentPassword, @Nullable String code,
			@Nullable String recoveryCode, String event, ClientInfo client) {
		if (this.factors.findEnabled(accountId).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "No TOTP factor is on.");
		}
		this.logins.reauthenticate(accountId, currentPassword, code, recoveryCode, event, client);
	}

	private boolean removeAll(UUID accountId) {
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
