package dev.jwtauth.storage;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id is assigned before it is saved. Spring Data cannot then tell new
 * from loaded by the id, so it would merge (a select first) instead of insert: the entity
 * is new until it has been persisted or loaded. Each entity keeps its own id column.
 *
 * @param <ID> the type of the id
 */
@MappedSuperclass
public abstract class PersistableEntity<ID> implements Persistable<ID> {

	@Transient
	private boolean isNew = true;

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		this.isNew = false;
	}

}
