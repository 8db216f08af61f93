package io.logflow.connectors.config;

import java.util.EnumSet;
import org.apache.flink.configuration.description.Description;
import org.apache.flink.configuration.description.Formatter;
import org.apache.flink.configuration.description.TextElement;

/** Renders an option's {@link Description} as plain text for a terminal, without markup. */
public final class PlainTextFormatter extends Formatter {

    /** {@code description} as plain text. */
    public static String render(Description description) {
        return new PlainTextFormatter().format(description);
    }

    @Override
    protected void formatLink(StringBuilder state, String link, String description) {
        state.append(description.isEmpty() ? link : description + " (" + link + ")");
    }

    @Override
    protected void formatLineBreak(StringBuilder state) {
        state.append('\n');
    }

    @Override
    protected void formatText(
            StringBuilder state,
            String format,
            String[] elements,
            EnumSet<TextElement.TextStyle> styles) {
        state.append(String.format(format, (Object[]) elements));
    }

    @Override
    protected void formatList(StringBuilder state, String[] entries) {
        for (String entry : entries) {
            state.append("\n- ").append(entry);
        }
    }

    @Override
    protected Formatter newInstance() {
        return new PlainTextFormatter();
    }
}
