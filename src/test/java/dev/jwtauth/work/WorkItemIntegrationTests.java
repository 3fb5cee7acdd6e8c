package dev.jwtauth.work;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /work}: owner-only items with UUID ids.
 */
class WorkItemIntegrationTests extends IntegrationTest {

	private Reply create(String token, String title) throws Exception {
		return postJson("/work", map("title", title), "Authorization", "Bearer " + token);
	}

	private Reply delete(String path, String token) throws Exception {
		return perform(MockMvcRequestBuilders.delete(path).header("Authorization", "Bearer " + token));
	}

	@Test
	void createWhenTitleGivenThen201AndListedForTheOwner() throws Exception {
		String token = login(signup("ivy"));
		Reply created = create(token, "Write the report");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.object()).containsOnlyKeys("id", "title", "created_at")
			.containsEntry("title", "Write the report");
		String id = created.string("id");
		// a UUID in its canonical form, as the contract writes ids
		assertThat(UUID.fromString(id)).hasToString(id);
		assertThat(created.header("Location")).isEqualTo("/work/" + id);
		create(token, "Second");
		List<Object> items = getWithToken("/work", token).list();
		assertThat(items).extracting((item) -> (Object) ((Map<?, ?>) item).get("title")).containsExactly("Write the report",
				"Second");
		assertThat(getWithToken("/work/" + id, token).string("title")).isEqualTo("Write the report");
	}

	@Test
	void deleteWhenOwnerThen204AndGone() throws Exception {
		String token = login(signup("jon"));
		String id = create(token, "Temporary").string("id");
		assertThat(delete("/work/" + id, token).status()).isEqualTo(204);
		assertThat(getWithToken("/work/" + id, token).status()).isEqualTo(404);
		assertThat(delete("/work/" + id, token).status()).isEqualTo(404);
	}

	@Test
	void otherUsersItemWhenReadOrDeletedThen404AndUntouched() throws Exception {
		String owner = login(signup("kim"));
		String intruder = login(signup("lou"));
		String id = create(owner, "Private").string("id");
		Reply read = getWithToken("/work/" + id, intruder);
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.string("detail")).isEqualTo(getWithToken("/work/" + UUID.randomUUID(), intruder).string("detail"));
		assertThat(delete("/work/" + id, intruder).status()).isEqualTo(404);
		assertThat(getWithToken("/work", intruder).list()).isEmpty();
		assertThat(getWithToken("/work/" + id, owner).status()).isEqualTo(200);
	}

	@Test
	void itemWhenIdIsNotAUuidThen404() throws Exception {
		String token = login(signup("mia"));
		assertThat(getWithToken("/work/1", token).status()).isEqualTo(404);
		assertThat(delete("/work/abc", token).status()).isEqualTo(404);
	}

	@Test
	void createWhenTitleBlankMissingOrTooLongThen400() throws Exception {
		String token = login(signup("ned"));
		for (Object body : new Object[] { map("title", " "), Map.of(), map("title", "t".repeat(201)) }) {
			Reply reply = postJson("/work", body, "Authorization", "Bearer " + token);
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.errorFields()).containsExactly("title");
		}
		assertThat(postJson("/work", "{\"title\": 5}", "Authorization", "Bearer " + token).status()).isEqualTo(400);
	}

	@Test
	void workWhenNoTokenThen401() throws Exception {
		assertThat(get("/work").status()).isEqualTo(401);
	}

}
