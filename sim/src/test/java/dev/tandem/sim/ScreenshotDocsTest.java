package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** docs/apps.md states the size of a sim screenshot; it must be the size a screenshot has. */
class ScreenshotDocsTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void documentedSizeIsTheRealSize() throws Exception {
        String docs = Files.readString(Path.of("../docs/apps.md"));
        Matcher m = Pattern.compile("\\*\\*Screenshots\\*\\*.*?\\((\\d+)×(\\d+) by default\\)", Pattern.DOTALL).matcher(docs.replace('\n', ' '));
        assertThat(m.find()).as("docs/apps.md says the default screenshot size as (W×H by default)").isTrue();
        BufferedImage img;
        try (Driver d = Driver.instant("sim-docs", dir)) {
            img = ImageIO.read(new ByteArrayInputStream(d.device.screenshotPng()));
        }
        assertThat(img.getWidth() + "×" + img.getHeight()).isEqualTo(m.group(1) + "×" + m.group(2));
    }
}
