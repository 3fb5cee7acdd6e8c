package dev.jwtauth.tokens;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DeniedAccessTokenRepository extends JpaRepository<DeniedAccessToken, DeniedAccessToken.Key> {

	@Query("select d from DeniedAccessToken d where d.expiresAt > :now")
	List<DeniedAccessToken> findUnexpired(Instant now);

	@Modifying
	@Query("delete from DeniedAccessToken d where d.expiresAt < :now")
	int deleteExpired(Instant now);

}
