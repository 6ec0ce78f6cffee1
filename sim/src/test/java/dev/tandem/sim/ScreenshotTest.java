package dev.tandem.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.Tool;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenshotTest {
    @TempDir
    Path dir;

    @Test
    void screenshotIsAPngOfTheScreenInDp() throws Exception {
        try (Driver d = Driver.instant("sim-shot", dir)) {
            d.launch("com.example.login");
            d.run(Tool.INPUT_TEXT, "selector", Map.of("id", "email"), "text", "user@example.com");
            byte[] png = d.device.screenshotPng();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            // painted at one pixel per dp (PngPainter.SCALE): the screen's layout, not its density
            assertThat(img.getWidth()).isEqualTo(411);
            assertThat(img.getHeight()).isEqualTo(891);
            // the app bar is drawn in the primary colour, the page below it in white
            assertThat(img.getRGB(205, 50) & 0xFFFFFF).isEqualTo(0x3F51B5);

            String path = d.run(Tool.SCREENSHOT, "name", "login").get("path").asText();
            assertThat(Path.of(path)).isEqualTo(dir.resolve("login.png").toAbsolutePath());
            assertThat(Files.readAllBytes(Path.of(path))).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void homeShadeAndAllAppsRender() throws Exception {
        try (Driver d = Driver.instant("sim-shot", dir)) {
            assertThat(ImageIO.read(new ByteArrayInputStream(d.device.screenshotPng()))).isNotNull();
            for (String app : d.device.installedApps()) {
                d.launch(app);
                assertThat(ImageIO.read(new ByteArrayInputStream(d.device.screenshotPng()))).isNotNull();
            }
            d.device.openTray();
            assertThat(ImageIO.read(new ByteArrayInputStream(d.device.screenshotPng()))).isNotNull();
        }
    }
}
