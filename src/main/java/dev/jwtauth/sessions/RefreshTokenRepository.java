package dev.jwtauth.sessions;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {

	/**
	 * Spends an unspent token. Of two concurrent calls for one token, the second waits
	 * for the first to commit and then finds nothing to update: exactly one wins.
	 */
	// Clears the persistence context so that a re-read sees the concurrent winner's row.
	@Modifying(clearAutomatically = true)
	@Query("update RefreshToken t set t.spentAt = :now where t.tokenHash = :hash and t.spentAt is null")
	int spend(String hash, Instant now);

	@Modifying
	@Query("delete from RefreshToken t where t.spentAt < :before")
	int deleteSpentBefore(Instant before);

}
