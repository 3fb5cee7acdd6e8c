package dev.jwtauth.work;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /work}.
 */
record NewWorkItem(@NotBlank @Size(max = 200) @Nullable String title) {
}
