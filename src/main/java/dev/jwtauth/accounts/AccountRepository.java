package dev.jwtauth.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

	@Query("select a from Account a where a.usernameKey = :key or a.emailKey = :key")
	Optional<Account> findByLoginKey(String key);

	List<Account> findAllByOrderByCreatedAtAsc();

}
