package dev.jwtauth.login;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login settings: throttling ({@code LOGIN_ACCOUNT_MAX_FAILURES}, {@code LOGIN_CLIENT_MAX_FAILURES},
 * {@code LOGIN_FAILURE_WINDOW}) and
 * whether emails must be verified.
 *
 * @param accountMaxFailures failures for one account (by username or email alike), or for
 * one unknown name, within the window that lock it
 * @param clientMaxFailures failures from one client address within the window that lock it
 * @param failureWindow how far back failures count
 * @param requireVerifiedEmail whether an account with an email must have proven it before
 * it can log in ({@code REQUIRE_VERIFIED_EMAIL})
 */
@ConfigurationProperties("login")
@Validated
public record LoginProperties(@DefaultValue("5") @Min(1) int accountMaxFailures,
		@DefaultValue("100") @Min(1) int clientMaxFailures, @DefaultValue("15m") Duration failureWindow,
		@DefaultValue("false") boolean requireVerifiedEmail) {
}
