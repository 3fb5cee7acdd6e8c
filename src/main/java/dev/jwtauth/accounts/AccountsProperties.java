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
 */
@ConfigurationProperties("accounts")
@Validated
public record AccountsProperties(@DefaultValue("8") @Min(8) @Max(128) int passwordMinLength) {

	/** The most characters a password may have; all of them are used. */
	public static final int PASSWORD_MAX_LENGTH = 128;

}
