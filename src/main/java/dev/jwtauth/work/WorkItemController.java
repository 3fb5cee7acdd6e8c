package dev.jwtauth.work;

import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /work}: each user's own items. Every query names the owner, so no route can
 * reach another user's item.
 */
@RestController
@Tag(name = "work")
class WorkItemController {

	private final WorkItemRepository items;

	private final Clock clock;

	WorkItemController(WorkItemRepository items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	@Operation(summary = "The caller's own work items, oldest first")
	@GetMapping("/work")
	List<WorkItemView> list(@AuthenticationPrincipal AccountDetails me) {
		return this.items.findByOwnerIdOrderByCreatedAtAsc(me.id()).stream().map(WorkItemView::of).toList();
	}

	@Operation(summary = "Add a work item")
	@ApiResponse(responseCode = "201", description = "Created.",
			headers = @Header(name = "Location", description = "`/work/{id}` of the new item"))
	@PostMapping(path = "/work", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WorkItemView> create(@AuthenticationPrincipal AccountDetails me,
			@Valid @RequestBody NewWorkItem request) {
		WorkItem item = this.items.save(new WorkItem(me.id(), Objects.requireNonNull(request.title()).strip(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS)));
		return ResponseEntity.created(URI.create("/work/" + item.getId())).body(WorkItemView.of(item));
	}

	@Operation(summary = "One of the caller's work items; another user's answers 404, as if absent")
	@GetMapping("/work/{id}")
	WorkItemView get(@AuthenticationPrincipal AccountDetails me, @PathVariable UUID id) {
		return this.items.findByIdAndOwnerId(id, me.id()).map(WorkItemView::of).orElseThrow(WorkItemController::absent);
	}

	@Operation(summary = "Delete one of the caller's work items")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	@DeleteMapping("/work/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal AccountDetails me, @PathVariable UUID id) {
		if (this.items.deleteByIdAndOwnerId(id, me.id()) == 0) {
			throw absent();
		}
		return ResponseEntity.noContent().build();
	}

	private static ResponseStatusException absent() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such work item.");
	}

}
