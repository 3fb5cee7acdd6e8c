package dev.jwtauth.work;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/** The work module's public API: an owner's items, for the owner's export. */
@Service
public class WorkItems {

	private final WorkItemRepository items;

	WorkItems(WorkItemRepository items) {
		this.items = items;
	}

	public List<WorkItemView> of(UUID ownerId) {
		return this.items.findByOwnerIdOrderByCreatedAtAsc(ownerId).stream().map(WorkItemView::of).toList();
	}

}
