package io.logflow.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws the throughput rows as horizontal bars with Java2D, the input ceiling as a line. */
final class BenchChart {

    private static final int WIDTH = 900;
    private static final int ROW = 34;
    private static final int LEFT = 190;
    private static final int RIGHT = 130;
    private static final int TOP = 50;

    private BenchChart() {}

    static void write(List<ScenarioResult> rows, ScenarioResult ceiling, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + rows.size() * ROW + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("Events per second (higher is better)", LEFT, 28);
            double max = rows.stream().mapToDouble(ScenarioResult::eventsPerSecond).max().orElse(1);
            int span = WIDTH - LEFT - RIGHT;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int i = 0; i < rows.size(); i++) {
                ScenarioResult r = rows.get(i);
                int y = TOP + i * ROW;
                int w = (int) Math.round(span * r.eventsPerSecond() / max);
                g.setColor(colour(r.scenario()));
                g.fillRect(LEFT, y, Math.max(1, w), ROW - 10);
                g.setColor(Color.BLACK);
                g.drawString(r.scenario(), 10, y + ROW - 16);
                g.drawString(
                        String.format(Locale.ROOT, "%,.0f", r.eventsPerSecond()),
                        LEFT + w + 6,
                        y + ROW - 16);
            }
            int x = LEFT + (int) Math.round(span * ceiling.eventsPerSecond() / max);
            g.setColor(Color.RED);
            g.setStroke(
                    new BasicStroke(
                            1.5f,
                            BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER,
                            10f,
                            new float[] {6f, 4f},
                            0f));
            g.drawLine(x, TOP - 6, x, height - 24);
            g.drawString("input ceiling", x + 4, height - 10);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static Color colour(String scenario) {
        if (scenario.startsWith("logflow")) {
            return new Color(0x2E86C1);
        }
        // The Processor API peer is Kafka Streams too, but an upper bound: a shade apart.
        if (scenario.startsWith("kstreams-papi")) {
            return new Color(0xA04000);
        }
        if (scenario.startsWith("kstreams")) {
            return new Color(0xE67E22);
        }
        return new Color(0x7F8C8D);
    }
}
