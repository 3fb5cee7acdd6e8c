package dev.jwtauth.accounts;

import java.util.Objects;
import java.util.UUID;

import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's email address: its proof (verification) and its change, which moves the
 * address's login name with it.
 */
@Component
class Emails {

	private final AccountRepository accounts;

	private final LoginNameRepository loginNames;

	private final SignupRules rules;

	private final TransactionTemplate transactions;

	Emails(AccountRepository accounts, LoginNameRepository loginNames, SignupRules rules,
			TransactionTemplate transactions) {
		this.accounts = accounts;
		this.loginNames = loginNames;
		this.rules = rules;
		this.transactions = transactions;
	}

	String normalize(@Nullable String email, String field) {
		return this.rules.email(email, field);
	}

	boolean isFree(String email) {
		return !this.loginNames.existsById(Names.key(email));
	}

	/** False when the account's address is no longer {@code email}: the proof is for another one. */
	boolean markVerified(UUID id, String email) {
		Boolean marked = this.transactions.execute((status) -> this.accounts.findById(id)
			.filter((account) -> account.getEmail() != null
					&& Objects.equals(Names.key(account.getEmail()), Names.key(email)))
			.map((account) -> {
				account.setEmailVerified(true);
				return true;
			})
			.orElse(false));
		return Boolean.TRUE.equals(marked);
	}

	/**
	 * Gives the account the address, proven, and its login name; the old address's name
	 * is freed.
	 * @throws AccountTakenException when another account has it as a login name
	 */
	void change(UUID id, String email) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				Account account = this.accounts.findById(id).orElseThrow(AccountTakenException::new);
				if (account.getEmailKey() != null && !account.getEmailKey().equals(account.getUsernameKey())) {
					this.loginNames.deleteById(account.getEmailKey());
				}
				account.changeEmail(email);
				if (!this.loginNames.existsById(Names.key(email))) {
					this.loginNames.saveAndFlush(new LoginName(Names.key(email), id));
				}
				else if (!this.loginNames.findById(Names.key(email)).map(LoginName::getAccountId).orElseThrow()
					.equals(id)) {
					throw new AccountTakenException();
				}
				this.accounts.saveAndFlush(account);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another account took the address between the check and this write.
			throw new AccountTakenException();
		}
	}

}
