package dev.jwtauth.accounts;

import org.springframework.data.jpa.repository.JpaRepository;

interface LoginNameRepository extends JpaRepository<LoginName, String> {

}
