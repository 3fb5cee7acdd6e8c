package dev.jwtauth.mfa;

import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.UUID;

import dev.jwtauth.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks and spends a factor's codes: a TOTP code counts once, for a time step later than
 * the last accepted one (RFC 6238 §5.2, on every instance through the database), and a
 * recovery code once at all.
 */
@Component
class CodeCheck {

	private final TotpFactors factors;

	private final RecoveryCodes recoveryCodes;

	private final MfaChallenges challenges;

	private final SecretCipher cipher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuditLog audit;

	private final Totp totp = new Totp();

	CodeCheck(TotpFactors factors, RecoveryCodes recoveryCodes, MfaChallenges challenges, SecretCipher cipher,
			TransactionTemplate transactions, Clock clock, AuditLog audit) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.challenges = challenges;
		this.cipher = cipher;
		this.transactions = transactions;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Spends a TOTP code (its time step, which must be later than the last accepted one)
	 * or a recovery code, together with the mfa_token when there is one, in one
	 * transaction: both or neither.
	 */
	boolean spend(TotpFactors.Factor factor, @Nullable String code, @Nullable String recoveryCode,
			MfaChallenges.@Nullable Challenge challenge) {
		UUID accountId = factor.accountId();
		OptionalLong step = (code != null) ? stepOf(factor, code) : OptionalLong.empty();
		// Hashing happens here, outside the transaction, so a slow hash holds no connection.
		OptionalLong recovery = (code == null && recoveryCode != null) ? this.recoveryCodes.find(accountId, recoveryCode)
				: OptionalLong.empty();
		if (step.isEmpty() && recovery.isEmpty()) {
			return false;
		}
		Boolean spent = this.transactions.execute((status) -> {
			boolean ok = (challenge == null || this.challenges.spend(challenge))
					&& (step.isPresent() ? this.factors.acceptStep(accountId, step.getAsLong())
							: this.recoveryCodes.spend(recovery.getAsLong()));
			if (!ok) {
				status.setRollbackOnly();
			}
			return ok;
		});
		if (Boolean.TRUE.equals(spent) && recovery.isPresent()) {
			this.audit.record("recovery_code_use", accountId, null, "success");
		}
		return Boolean.TRUE.equals(spent);
	}

	/** The time step the code is right for (one step of drift either way), or empty. */
	OptionalLong stepOf(TotpFactors.Factor factor, @Nullable String code) {
		if (code == null) {
			return OptionalLong.empty();
		}
		byte[] secret = this.cipher.open(factor.sealedSecret(), factor.accountId());
		try {
			// Apps show "123 456": the space is no part of the code.
			return this.totp.stepOf(secret, code.replace(" ", ""), this.clock.instant());
		}
		finally {
			Arrays.fill(secret, (byte) 0);
		}
	}

}
