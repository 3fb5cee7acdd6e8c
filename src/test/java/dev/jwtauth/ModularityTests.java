package dev.jwtauth;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The allowed dependencies between the packages, checked on the compiled main code: a
 * new arrow between features, or a cycle between a package and its sub-package, fails
 * here first.
 */
class ModularityTests {

	// Without what Spring AOT generates at package time (Foo__BeanDefinitions, CGLIB
	// subclasses): generated wiring reaches into every package by design.
	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages("dev.jwtauth");

	/**
	 * Each package and the packages it may use, sub-packages counted as packages of their
	 * own: the map drawn in docs/design.md.
	 */
	private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
			Map.entry("errors", List.of()),
			Map.entry("audit", List.of()),
			Map.entry("client", List.of()),
			Map.entry("storage", List.of()),
			Map.entry("apidocs", List.of()),
			Map.entry("mail", List.of("storage")),
			Map.entry("operations", List.of("audit", "errors")),
			Map.entry("accounts", List.of("audit", "client", "errors", "storage")),
			Map.entry("tokens.keys", List.of()),
			Map.entry("tokens", List.of("tokens.keys", "accounts")),
			Map.entry("revocation", List.of("tokens", "accounts")),
			Map.entry("security", List.of("tokens", "revocation", "accounts", "client", "errors", "operations")),
			Map.entry("sessions", List.of("tokens", "revocation", "accounts", "security", "audit", "client", "errors",
					"storage")),
			Map.entry("login", List.of("sessions", "tokens", "accounts", "security", "audit", "client", "errors")),
			Map.entry("recovery", List.of("accounts", "sessions", "login", "mfa", "security", "tokens", "mail", "audit",
					"client", "errors")),
			Map.entry("passkeys", List.of("login", "sessions", "accounts", "security", "tokens", "mail", "audit",
					"client", "errors")),
			Map.entry("mfa", List.of("login", "passkeys", "sessions", "accounts", "security", "tokens", "mail", "audit",
					"client", "errors", "storage")),
			Map.entry("selfservice", List.of("accounts", "sessions", "work", "login", "mfa", "passkeys", "security",
					"tokens", "audit", "client")),
			Map.entry("work", List.of("accounts", "errors", "storage")),
			Map.entry("oauth.clients", List.of("accounts", "revocation")),
			Map.entry("oauth", List.of("oauth.clients", "security", "sessions", "revocation", "tokens", "login",
					"accounts", "audit", "client")),
			Map.entry("cli", List.of("accounts", "tokens", "errors", "oauth.clients", "revocation")));

	@Test
	void packagesWhenCompiledThenDependOnlyOnTheirAllowedPackages() {
		for (Map.Entry<String, List<String>> feature : ALLOWED.entrySet()) {
			for (String other : ALLOWED.keySet()) {
				if (other.equals(feature.getKey()) || feature.getValue().contains(other)) {
					continue;
				}
				noClasses().that()
					.resideInAPackage("dev.jwtauth." + feature.getKey())
					.should()
					.dependOnClassesThat()
					.resideInAPackage("dev.jwtauth." + other)
					.because(feature.getKey() + " may use only " + feature.getValue())
					.check(MAIN);
			}
		}
	}

	@Test
	void packagesWhenCompiledThenEachHasItsPlaceInTheMap() {
		Set<String> packages = MAIN.stream()
			.map(JavaClass::getPackageName)
			.filter((name) -> name.startsWith("dev.jwtauth."))
			.map((name) -> name.substring("dev.jwtauth.".length()))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(ALLOWED.keySet()).containsAll(packages);
	}

	@Test
	void packagesWhenCompiledThenFreeOfCycles() {
		// (**) makes every package a slice, sub-packages included: tokens and tokens.keys
		// may not use each other both ways.
		slices().matching("dev.jwtauth.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void keysWhenCompiledThenInternalToTokens() {
		noClasses().that()
			.resideOutsideOfPackage("dev.jwtauth.tokens..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.jwtauth.tokens.keys..")
			.check(MAIN);
	}

	@Test
	void jwtLibraryWhenCompiledThenUsedByTheCodecOnly() {
		noClasses().that()
			.haveNameNotMatching("dev\\.jwtauth\\.tokens\\.AccessTokenCodec(\\$.*)?")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.jsonwebtoken..")
			.check(MAIN);
	}

	@Test
	void featuresWhenCompiledThenIndependentOfTheApplicationClass() {
		noClasses().that()
			.resideInAnyPackage(ALLOWED.keySet().stream().map((name) -> "dev.jwtauth." + name + "..").toArray(String[]::new))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.jwtauth")
			.check(MAIN);
	}

}
