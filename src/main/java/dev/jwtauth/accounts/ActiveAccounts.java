package dev.jwtauth.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The accounts that presented tokens belong to, kept in memory so that a token check
 * needs no database round trip; forgotten on every instance when one changes.
 */
@Component
class ActiveAccounts {

	private final ObjectProvider<AccountListener> listeners;

	private final Cache<UUID, AccountDetails> cache = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	ActiveAccounts(ObjectProvider<AccountListener> listeners) {
		this.listeners = listeners;
	}

	/** The account when it exists and is enabled, read with {@code loader} when not in memory. */
	@Nullable AccountDetails get(UUID id, Function<UUID, Optional<AccountDetails>> loader) {
		AccountDetails account = this.cache.get(id, (key) -> loader.apply(key).orElse(null));
		return (account != null && account.enabled()) ? account : null;
	}

	void forget(UUID id) {
		this.cache.invalidate(id);
	}

	void created(AccountDetails account) {
		this.listeners.orderedStream().forEach((listener) -> listener.accountCreated(account));
	}

	void passwordChanged(AccountDetails account) {
		this.listeners.orderedStream().forEach((listener) -> listener.passwordChanged(account));
	}

	void changed(UUID id, boolean enabled) {
		forget(id);
		this.listeners.orderedStream().forEach((listener) -> listener.accountChanged(id, enabled));
	}

}
