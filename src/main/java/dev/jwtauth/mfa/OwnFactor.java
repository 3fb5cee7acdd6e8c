package dev.jwtauth.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.login.Logins;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The owner's own management of their TOTP factor ({@code /me/mfa/...}): adding it,
 * turning it on with a first code, turning it off and replacing the recovery codes, each
 * behind the password (and, once it is on, a code).
 */
@Service
class OwnFactor {

	private final TotpFactors factors;

	private final RecoveryCodes recoveryCodes;

	private final SecretCipher cipher;

	private final CodeCheck codes;

	private final Accounts accounts;

	private final Logins logins;

	private final MfaMails mails;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MfaProperties properties;

	private final SecondFactors secondFactors;

	private final SecureRandom random = new SecureRandom();

	OwnFactor(TotpFactors factors, RecoveryCodes recoveryCodes, SecretCipher cipher, CodeCheck codes,
			Accounts accounts, Logins logins, MfaMails mails, AuditLog audit, TransactionTemplate transactions,
			Clock clock, MfaProperties properties, SecondFactors secondFactors) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.cipher = cipher;
		this.codes = codes;
		this.accounts = accounts;
		this.logins = logins;
		this.mails = mails;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
		this.secondFactors = secondFactors;
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
		this.secondFactors.removeAll(accountId);
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

	/** Checks the password and a code or a recovery code of an account whose factor is on. */
	private void reauthenticate(UUID accountId, @Nullable String currentPassword, @Nullable String code,
			@Nullable String recoveryCode, String event, ClientInfo client) {
		if (this.factors.findEnabled(accountId).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "No TOTP factor is on.");
		}
		this.logins.reauthenticate(accountId, currentPassword, code, recoveryCode, event, client);
	}

}
