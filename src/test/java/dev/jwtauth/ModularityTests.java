package dev.jwtauth;

import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The allowed dependencies between the feature packages, checked on the compiled main
 * code: a new arrow between features fails here first.
 */
class ModularityTests {

	// Without what Spring AOT generates at package time (Foo__BeanDefinitions, CGLIB
	// subclasses): generated wiring reaches into every package by design.
	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages("dev.jwtauth");

	/** Each feature and the features it may use. */
	private static final Map<String, List<String>> ALLOWED = Map.of(
			"errors", List.of(),
			"audit", List.of(),
			"accounts", List.of("audit", "errors"),
			"tokens", List.of("accounts", "audit", "errors"),
			"security", List.of("tokens", "accounts", "errors", "operations"),
			"work", List.of("accounts", "errors"),
			"cli", List.of("accounts", "tokens", "errors"),
			"operations", List.of("audit", "errors"),
			"apidocs", List.of(),
			"storage", List.of());

	@Test
	void featuresWhenCompiledThenDependOnlyOnTheirAllowedFeatures() {
		for (Map.Entry<String, List<String>> feature : ALLOWED.entrySet()) {
			for (String other : ALLOWED.keySet()) {
				if (other.equals(feature.getKey()) || feature.getValue().contains(other)) {
					continue;
				}
				noClasses().that()
					.resideInAPackage("dev.jwtauth." + feature.getKey() + "..")
					.should()
					.dependOnClassesThat()
					.resideInAPackage("dev.jwtauth." + other + "..")
					.because(feature.getKey() + " may use only " + feature.getValue())
					.check(MAIN);
			}
		}
	}

	@Test
	void featuresWhenCompiledThenFreeOfCycles() {
		slices().matching("dev.jwtauth.(*)..").should().beFreeOfCycles().check(MAIN);
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
