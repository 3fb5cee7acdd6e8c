package dev.jwtauth.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, UUID> {

	// Through login_name's primary key, which holds usernames and emails alike: the two
	// columns joined by "or" made the database scan every account on each login.
	@Query("select a from Account a join LoginName n on n.accountId = a.id where n.nameKey = :key")
	Optional<Account> findByLoginKey(String key);

	List<Account> findAllByOrderByCreatedAtAsc();

}
