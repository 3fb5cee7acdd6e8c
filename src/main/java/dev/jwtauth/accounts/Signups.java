package dev.jwtauth.accounts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New accounts: the rules checked, every name claimed before any hashing, the account and
 * its login names written together.
 */
@Component
class Signups {

	private final AccountRepository accounts;

	private final LoginNameRepository loginNames;

	private final SignupRules signupRules;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HashingPool hashing;

	private final SignupsInFlight signupsInFlight;

	Signups(AccountRepository accounts, LoginNameRepository loginNames, SignupRules signupRules,
			PasswordEncoder passwordEncoder, TransactionTemplate transactions, Clock clock, HashingPool hashing,
			SignupsInFlight signupsInFlight) {
		this.accounts = accounts;
		this.loginNames = loginNames;
		this.signupRules = signupRules;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
		this.clock = clock;
		this.hashing = hashing;
		this.signupsInFlight = signupsInFlight;
	}

	AccountDetails create(NewAccount signup) {
		SignupRules.Valid valid = this.signupRules.check(signup);
		String username = Objects.requireNonNull(valid.username());
		Set<String> names = new LinkedHashSet<>();
		names.add(Names.key(username));
		if (valid.email() != null) {
			names.add(Names.key(valid.email()));
		}
		// A taken name answers before any hashing work, and so does one taken meanwhile by
		// a signup that was in flight here: only a signup that can succeed waits for a hash.
		requireFree(names);
		try (SignupsInFlight.Claim claim = this.signupsInFlight.claim(names)) {
			requireFree(names);
			return create(valid, username, names, signup);
		}
	}

	private void requireFree(Set<String> names) {
		if (names.stream().anyMatch(this.loginNames::existsById)) {
			throw new AccountTakenException();
		}
	}

	private AccountDetails create(SignupRules.Valid valid, String username, Set<String> names, NewAccount signup) {
		String hash = this.hashing.run(() -> this.passwordEncoder.encode(signup.password()));
		Account account = new Account(username, valid.email(), valid.name(), hash, signup.roles(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		try {
			return this.transactions.execute((status) -> {
				Account saved = this.accounts.saveAndFlush(account);
				names.forEach((key) -> this.loginNames.saveAndFlush(new LoginName(key, saved.getId())));
				return saved.toDetails();
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance took one of the names between the check above and this insert.
			throw new AccountTakenException();
		}
	}

}
