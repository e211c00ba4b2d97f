package dev.pacesetter.pipeline.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.pacesetter.platform.api.money.Money;

/**
 * An opportunity as {@link Opportunities} hands it to other modules: who owns it and who shares it, what it is worth and
 * where it stands. Fields are only added within a major version of this package.
 *
 * @param members everyone who shares the deal with their weights (adding up to 1), the owner included
 * @param expectedClose when the owner expects it to close, if they said
 * @since 1.2
 */
public record OpportunitySummary(long id, long accountId, String name, long ownerId, Stage stage, Money amount, String product,
        LocalDate expectedClose, List<Contribution> members) {

    public OpportunitySummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(amount, "amount");
        members = List.copyOf(members);
    }
}
