package dev.jwtauth.work;

import java.time.Instant;
import java.util.UUID;

/** A work item as its owner sees it. */
public record WorkItemView(UUID id, String title, Instant createdAt) {

	static WorkItemView of(WorkItem item) {
		return new WorkItemView(item.getId(), item.getTitle(), item.getCreatedAt());
	}

}
