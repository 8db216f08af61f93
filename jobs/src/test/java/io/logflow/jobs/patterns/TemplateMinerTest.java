package io.logflow.jobs.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {

    @Test
    void similarMessagesShareOneTemplateAndDifferingWordsBecomeWildcards() {
        TemplateMiner miner = new TemplateMiner(PatternSettings.defaults());
        TemplateMiner.Match a = miner.add("session opened for user cyrus by (uid=0)");
        TemplateMiner.Match b = miner.add("session opened for user news by (uid=0)");
        TemplateMiner.Match c = miner.add("check pass; user unknown");

        assertThat(a)
                .isEqualTo(
                        new TemplateMiner.Match(
                                1, "session opened for user cyrus by (uid=<*>)", true));
        assertThat(b)
                .isEqualTo(
                        new TemplateMiner.Match(
                                1, "session opened for user <*> by (uid=<*>)", false));
        assertThat(c).isEqualTo(new TemplateMiner.Match(2, "check pass; user unknown", true));
        assertThat(miner.template(1).count()).isEqualTo(2);
        assertThat(miner.size()).isEqualTo(2);
    }

    @Test
    void differentLengthsOrADifferingKeywordMakeSeparateTemplates() {
        TemplateMiner miner = new TemplateMiner(PatternSettings.defaults());
        long https =
                miner.add("a.example.com:443 open through proxy p.example.com:5070 HTTPS")
                        .templateId();
        long socks =
                miner.add("b.example.com:22 open through proxy p.example.com:5070 SOCKS5")
                        .templateId();
        long shorter = miner.add("a.example.com:443 open through proxy").templateId();

        assertThat(List.of(https, socks, shorter)).containsExactly(1L, 2L, 3L);
        assertThat(miner.add("c.example.com:80 open through proxy q.example.com:8080 HTTPS"))
                .isEqualTo(new TemplateMiner.Match(1, "<*> open through proxy <*> HTTPS", false));
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondTheCapAndNeverReusesIds() {
        TemplateMiner miner = new TemplateMiner(PatternSettings.defaults().withMaxTemplates(2));
        miner.add("alpha started"); // 1
        miner.add("beta started now"); // 2
        miner.add("alpha started"); // 1 is now the most recently used
        TemplateMiner.Match gamma = miner.add("gamma stopped at once"); // evicts 2

        assertThat(gamma.templateId()).isEqualTo(3);
        assertThat(miner.size()).isEqualTo(2);
        assertThat(miner.evictedCount()).isEqualTo(1);
        assertThat(miner.template(2)).isNull();
        assertThat(miner.templates()).extracting(Template::id).containsExactly(1L, 3L);
        // The evicted template comes back under a new id, never its old one.
        assertThat(miner.add("beta started now").templateId()).isEqualTo(4);
        assertThat(miner.template(1)).isNull();
    }

    @Test
    void aRestoredMinerContinuesExactlyLikeTheOriginal() throws IOException {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            first.add(message(i));
            second.add(message(i * 7 + 3));
        }
        PatternSettings settings =
                PatternSettings.defaults().withMaxTemplates(5).withMaxChildren(3);
        TemplateMiner original = new TemplateMiner(settings);
        first.forEach(original::add);

        TemplateMiner restored = roundTrip(original);
        assertThat(restored.settings()).isEqualTo(settings);
        assertThat(restored.nextId()).isEqualTo(original.nextId());
        assertThat(restored.evictedCount()).isEqualTo(original.evictedCount()).isPositive();
        assertThat(restored.templates())
                .map(Template::toString)
                .containsExactlyElementsOf(
                        original.templates().stream().map(Template::toString).toList());

        for (String m : second) {
            assertThat(restored.add(m)).as(m).isEqualTo(original.add(m));
        }
        assertThat(TemplateMinerSerializer.INSTANCE.copy(original).templates())
                .map(Template::toString)
                .containsExactlyElementsOf(
                        original.templates().stream().map(Template::toString).toList());
    }

    @Test
    void aCopyContinuesLikeARestoreAndSharesNothingItChanges() throws IOException {
        PatternSettings settings =
                PatternSettings.defaults().withMaxTemplates(5).withMaxChildren(3);
        TemplateMiner original = new TemplateMiner(settings);
        for (int i = 0; i < 300; i++) {
            original.add(message(i));
        }
        List<String> before = original.templates().stream().map(Template::toString).toList();
        TemplateMiner copy = TemplateMinerSerializer.INSTANCE.copy(original);
        TemplateMiner restored = roundTrip(original);
        for (int i = 0; i < 300; i++) {
            String m = message(i * 7 + 3) + (i % 5 == 0 ? " now" : "");
            assertThat(copy.add(m)).as(m).isEqualTo(restored.add(m));
        }
        // The copies merged tokens, counted and evicted; the original saw none of it.
        assertThat(copy.templates().stream().map(Template::toString).toList()).isNotEqualTo(before);
        assertThat(original.templates().stream().map(Template::toString).toList())
                .isEqualTo(before);
        assertThat(copy.nextId()).isGreaterThan(original.nextId());
    }

    @Test
    void aTemplateWrittenBeforeItsTokensChangeIsWrittenAnewAfter() throws IOException {
        TemplateMiner miner = new TemplateMiner(PatternSettings.defaults());
        miner.add("lease alpha renewed by primary");
        assertThat(roundTrip(miner).templates())
                .map(Template::toString)
                .containsExactly("1: lease alpha renewed by primary");
        TemplateMiner copy = TemplateMinerSerializer.INSTANCE.copy(miner);

        // Written once (its encoding kept), then merged: the next checkpoint has the new text.
        miner.add("lease alpha renewed by standby");
        assertThat(roundTrip(miner).templates())
                .map(Template::toString)
                .containsExactly("1: lease alpha renewed by <*>");
        // A copy taken before the change shares the old encoding and keeps its own text.
        assertThat(roundTrip(copy).templates())
                .map(Template::toString)
                .containsExactly("1: lease alpha renewed by primary");
        copy.add("lease alpha taken by primary");
        assertThat(roundTrip(copy).templates())
                .map(Template::toString)
                .containsExactly("1: lease alpha <*> by primary");
    }

    @Test
    void onlyTheHeadOfAHugeMessageIsMined() {
        TemplateMiner miner = new TemplateMiner(PatternSettings.defaults());
        String huge = "word ".repeat(5000);
        TemplateMiner.Match m = miner.add(huge);
        // 4096 characters: 819 whole "word " and the "w" of the next.
        assertThat(m.template().split(" ")).hasSize(820).endsWith("word", "w");
        assertThat(miner.add(huge + " tail that is cut off").templateId())
                .isEqualTo(m.templateId());
    }

    private static String message(int i) {
        String[] verbs = {"opened", "closed", "failed", "retried", "moved", "dropped", "kept"};
        String[] nouns = {"socket", "file", "lease", "block", "session", "job", "queue", "lock"};
        return nouns[i % nouns.length]
                + " "
                + (i * 31 % 97)
                + " "
                + verbs[i % verbs.length]
                + (i % 3 == 0 ? " after retry" : "");
    }

    static TemplateMiner roundTrip(TemplateMiner miner) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TemplateMinerSerializer.INSTANCE.serialize(miner, out);
        return TemplateMinerSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
