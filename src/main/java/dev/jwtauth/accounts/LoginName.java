package dev.jwtauth.accounts;

import java.util.UUID;

import dev.jwtauth.storage.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One name an account logs in with (its username, its email), case-folded. The primary
 * key makes "no username equals another user's email" a database guarantee, so
 * concurrent signups of one name on several instances cannot both succeed.
 */
@Entity
@Table(name = "login_name")
class LoginName extends PersistableEntity<String> {

	@Id
	@Column(name = "name_key")
	private String nameKey;

	@Column(name = "account_id")
	private UUID accountId;

	protected LoginName() {
		this.nameKey = "";
		this.accountId = new UUID(0, 0);
	}

	LoginName(String nameKey, UUID accountId) {
		this.nameKey = nameKey;
		this.accountId = accountId;
	}

	@Override
	public String getId() {
		return this.nameKey;
	}

	UUID getAccountId() {
		return this.accountId;
	}

}
