package dev.pacesetter.pipeline.internal.http;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.platform.api.i18n.Message;

/** Stages as message arguments: their names in the reader's language, or the codes a client sends. */
final class StageNames {

    private StageNames() {
    }

    /** "FIRST_CONTACT, PROPOSAL_SUBMITTED, …": the codes, the same in every language. */
    static String codes() {
        return String.join(", ", Arrays.stream(Stage.values()).map(Enum::name).toList());
    }

    /** The stages' names, "已提交方案、赢单" / "proposal submitted, won", in the order of the stages. */
    static Message of(Collection<Stage> stages) {
        List<Stage> sorted = stages.stream().sorted().toList();
        Message all = Message.of("stage." + sorted.get(0).name());
        for (Stage stage : sorted.subList(1, sorted.size())) {
            all = Message.of("stage.list", all, Message.of("stage." + stage.name()));
        }
        return all;
    }
}
