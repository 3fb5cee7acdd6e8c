package dev.jwtauth.accounts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Account rules that operators may tune ({@code ACCOUNTS_PASSWORD_MIN_LENGTH}).
 *
 * @param passwordMinLength the fewest characters a new password may have
 * @param hashingThreads threads that hash passwords; 0 means one per processor
 * ({@code PASSWORD_HASHING_THREADS})
 * @param hashingQueue hashing requests that may wait for a thread before the excess is
 * answered 503 ({@code PASSWORD_HASHING_QUEUE})
 */
@ConfigurationProperties("accounts")
@Validated
public record AccountsProperties(@DefaultValue("8") @Min(8) @Max(128) int passwordMinLength,
		@DefaultValue("0") @Min(0) int hashingThreads, @DefaultValue("16") @Min(1) int hashingQueue) {

	/** The most characters a password may have; all of them are used. */
	public static final int PASSWORD_MAX_LENGTH = 128;

}
