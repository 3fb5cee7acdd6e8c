package dev.jwtauth.apidocs;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Adds to every operation what the security chain and the request filters answer
 * before a controller runs, so that no controller has to repeat it: the bearer
 * requirement and its 400/401/403, the refusals of a body (400, 413, 415), the 404 of
 * an unknown id, and the problem document of each error. Who may call a route is asked
 * of the running security configuration, so the description cannot drift from it.
 */
class SharedAnswers implements OpenApiCustomizer {

	static final String PROBLEM_JSON = "application/problem+json";

	static final String PROBLEM = "Problem";

	static final String FIELD_PROBLEM = "FieldProblem";

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("api-docs", "anonymous",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private static final Authentication USER = UsernamePasswordAuthenticationToken.authenticated("api-docs", null,
			AuthorityUtils.createAuthorityList("ROLE_USER"));

	/** Stands for any path variable when asking who may call a route: ids are UUIDs. */
	private static final String SAMPLE_ID = "00000000-0000-0000-0000-000000000000";

	private final WebInvocationPrivilegeEvaluator privileges;

	SharedAnswers(WebInvocationPrivilegeEvaluator privileges) {
		this.privileges = privileges;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_PROBLEM, fieldProblemSchema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> customise(path, method, operation)));
	}

	private void customise(String path, PathItem.HttpMethod method, Operation operation) {
		operation.setOperationId(operationId(method, path));
		ApiResponses responses = operation.getResponses();
		Access access = access(method, path);
		if (access == Access.PUBLIC) {
			// Stated, not left out: a client must see that no token is needed.
			operation.setSecurity(List.of());
		}
		else {
			operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocsConfiguration.BEARER)));
			add(responses, "400",
					"Two access tokens in one request (`WWW-Authenticate: Bearer error=\"invalid_request\"`).");
			add(responses, "401", "No access token (`WWW-Authenticate: Bearer realm=\"api\"`), or one that is "
					+ "malformed, badly signed, expired, revoked or too long "
					+ "(`WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"...\"`).");
		}
		if (access == Access.ADMIN) {
			add(responses, "403", "The token is valid but lacks the ADMIN role "
					+ "(`WWW-Authenticate: Bearer error=\"insufficient_scope\"`).");
		}
		if (operation.getRequestBody() != null) {
			add(responses, "400", "The body is malformed, or fields are missing, of the wrong type or invalid; "
					+ "`errors` lists each field.");
			add(responses, "413", "The body is over 16 KiB.");
			add(responses, "415", "The body is of a media type this route does not read.");
		}
		if (path.contains("{")) {
			add(responses, "404", "No such resource, or one the caller may not see; an id that is not a UUID "
					+ "names nothing either.");
		}
		add(responses, "431", "The request headers are over 16 KiB.");
		responses.values().forEach(SharedAnswers::typeHeaders);
		responses.forEach(SharedAnswers::describeError);
	}

	private Access access(PathItem.HttpMethod method, String path) {
		String uri = path.replaceAll("\\{[^}]*}", SAMPLE_ID);
		if (this.privileges.isAllowed(null, uri, method.name(), ANONYMOUS)) {
			return Access.PUBLIC;
		}
		return this.privileges.isAllowed(null, uri, method.name(), USER) ? Access.USER : Access.ADMIN;
	}

	/** Adds an answer, or appends to the description of one already there. */
	private static void add(ApiResponses responses, String status, String description) {
		ApiResponse existing = responses.get(status);
		if (existing == null) {
			responses.addApiResponse(status, new ApiResponse().description(description));
		}
		else if (existing.getDescription() == null || existing.getDescription().isBlank()) {
			existing.setDescription(description);
		}
		else if (!existing.getDescription().contains(description)) {
			existing.setDescription(existing.getDescription() + " Or: " + description);
		}
	}

	/**
	 * Every header is text; a controller's {@code @Header} without a schema would leave it
	 * untyped, which OpenAPI does not allow. {@code Location} is a URI reference.
	 */
	private static void typeHeaders(ApiResponse response) {
		if (response.getHeaders() == null) {
			return;
		}
		response.getHeaders().forEach((name, header) -> {
			if (header.getSchema() == null && header.getContent() == null) {
				header.setSchema("Location".equalsIgnoreCase(name) ? new StringSchema().format("uri-reference")
						: new StringSchema());
			}
		});
	}

	/** Errors are problem documents; some carry a header that says what to do next. */
	private static void describeError(String status, ApiResponse response) {
		int code = Integer.parseInt(status);
		if (code < 400) {
			return;
		}
		response.setContent(new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref(PROBLEM))));
		if (code == 401 || code == 403) {
			response.addHeaderObject("WWW-Authenticate",
					new Header().description("The RFC 6750 challenge").schema(new StringSchema()));
		}
		if (code == 429 || code == 503) {
			response.addHeaderObject("Retry-After",
					new Header().description("Seconds to wait before trying again").schema(new StringSchema()));
		}
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem document.")
			.addProperty("type", new StringSchema().format("uri").example("about:blank"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().example("The request has invalid fields."))
			.addProperty("instance", new StringSchema().format("uri-reference").example("/signup"))
			.addProperty("errors",
					new ArraySchema().items(new Schema<>().$ref(FIELD_PROBLEM))
						.description("Present on validation failures: one entry per rejected field."))
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> fieldProblemSchema() {
		return new ObjectSchema().description("One rejected field of a request.")
			.addProperty("field", new StringSchema().description("The field as the client spelled it")
				.example("password"))
			.addProperty("message", new StringSchema().example("must be at least 8 characters"))
			.required(List.of("field", "message"));
	}

	/** {@code POST /auth/refresh} is {@code postAuthRefresh}, {@code GET /work/{id}} is {@code getWorkById}. */
	static String operationId(PathItem.HttpMethod method, String path) {
		StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
		for (String segment : path.split("[^A-Za-z0-9{}]+")) {
			if (segment.startsWith("{")) {
				id.append("By").append(capitalised(segment.substring(1, segment.length() - 1)));
			}
			else if (!segment.isEmpty()) {
				id.append(capitalised(segment));
			}
		}
		return id.toString();
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private enum Access {

		PUBLIC, USER, ADMIN

	}

}
