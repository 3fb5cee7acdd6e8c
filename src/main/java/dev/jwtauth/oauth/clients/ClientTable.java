package dev.jwtauth.oauth.clients;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The {@code service_client} table. */
@Component
class ClientTable {

	private static final String COLUMNS = "client_id, client_key, name, scopes, created_at, secret_hash";

	private final JdbcTemplate jdbc;

	ClientTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ServiceClient client, String secretHash) {
		this.jdbc.update(
				"insert into service_client (client_id, client_key, name, scopes, created_at, secret_hash)"
						+ " values (?, ?, ?, ?, ?, ?)",
				client.clientId(), client.key(), client.name(), String.join(" ", client.scopes()),
				Timestamp.from(client.createdAt()), secretHash);
	}

	Optional<Stored> find(String clientId) {
		return this.jdbc.query("select " + COLUMNS + " from service_client where client_id = ?", STORED, clientId)
			.stream()
			.findFirst();
	}

	List<ServiceClient> all() {
		return this.jdbc.query("select " + COLUMNS + " from service_client order by created_at, client_id", STORED)
			.stream()
			.map(Stored::client)
			.toList();
	}

	boolean delete(String clientId) {
		return this.jdbc.update("delete from service_client where client_id = ?", clientId) == 1;
	}

	/** A row: the client and its secret's hash. */
	record Stored(ServiceClient client, String secretHash) {
	}

	private static final RowMapper<Stored> STORED = (row, n) -> new Stored(
			new ServiceClient(row.getString(1), row.getObject(2, UUID.class), row.getString(3),
					Arrays.stream(row.getString(4).split(" ")).filter((scope) -> !scope.isEmpty()).toList(), row.getTimestamp(5).toInstant()),
			row.getString(6));

}
