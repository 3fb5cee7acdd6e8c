package dev.jwtauth.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginSessionRepository extends JpaRepository<LoginSession, UUID> {

	@Query("select s from LoginSession s where s.accountId = :accountId and s.revokedAt is null"
			+ " and s.expiresAt > :now order by s.createdAt")
	List<LoginSession> findLive(UUID accountId, Instant now);

	@Query("select s from LoginSession s where s.accountId = :accountId and s.revokedAt is null"
			+ " and s.expiresAt > :after")
	List<LoginSession> findUnrevokedEndingAfter(UUID accountId, Instant after);

	/** Revokes a live session; 1 when this call revoked it. */
	@Modifying
	@Query("update LoginSession s set s.revokedAt = :now where s.id = :id and s.revokedAt is null")
	int revoke(UUID id, Instant now);

	@Modifying
	@Query("update LoginSession s set s.lastRefreshedAt = :now where s.id = :id")
	int refreshed(UUID id, Instant now);

	@Modifying
	@Query("delete from LoginSession s where s.expiresAt < :now")
	int deleteExpired(Instant now);

}
