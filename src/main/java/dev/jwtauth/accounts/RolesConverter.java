package dev.jwtauth.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores roles as one comma-separated column: a handful of fixed names needs no join.
 */
@Converter
class RolesConverter implements AttributeConverter<Set<Role>, String> {

	@Override
	public String convertToDatabaseColumn(Set<Role> roles) {
		return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
	}

	@Override
	public Set<Role> convertToEntityAttribute(String column) {
		EnumSet<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(column.split(",")).filter((name) -> !name.isBlank()).map(Role::valueOf).forEach(roles::add);
		return roles;
	}

}
