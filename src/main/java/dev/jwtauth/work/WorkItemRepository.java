package dev.jwtauth.work;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

interface WorkItemRepository extends JpaRepository<WorkItem, UUID> {

	List<WorkItem> findByOwnerIdOrderByCreatedAtAsc(UUID ownerId);

	/** Looked up by id and owner together, so another user's item is simply absent. */
	Optional<WorkItem> findByIdAndOwnerId(UUID id, UUID ownerId);

	@Transactional
	long deleteByIdAndOwnerId(UUID id, UUID ownerId);

}
