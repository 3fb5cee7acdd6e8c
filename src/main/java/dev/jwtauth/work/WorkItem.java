package dev.jwtauth.work;

import java.time.Instant;
import java.util.UUID;

import dev.jwtauth.storage.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "work_item")
class WorkItem extends PersistableEntity<UUID> {

	@Id
	private UUID id;

	@Column(name = "owner_id")
	private UUID ownerId;

	private String title;

	@Column(name = "created_at")
	private Instant createdAt;

	protected WorkItem() {
		this.id = UUID.randomUUID();
		this.ownerId = new UUID(0, 0);
		this.title = "";
		this.createdAt = Instant.EPOCH;
	}

	WorkItem(UUID ownerId, String title, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.ownerId = ownerId;
		this.title = title;
		this.createdAt = createdAt;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String getTitle() {
		return this.title;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
