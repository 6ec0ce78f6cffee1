package dev.tandem.device.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.tandem.protocol.Snapshot;
import dev.tandem.protocol.Tool;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code screenshotPng()} and the screenshot tool. */
public interface ScreenshotContract extends Contract {
    byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    default void aScreenshotIsAPngOfTheScreensSize() throws Exception {
        // Pins: a valid PNG whose size is the snapshot's (one pixel per dp, or per device pixel where declared).
        requires(Tool.SCREENSHOT);
        Snapshot s = d().launch(LOGIN);
        byte[] png = d().device().screenshotPng();
        assertThat(png).startsWith(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodes as an image").isNotNull();
        double scale = differs(Difference.SCREENSHOT_IN_DEVICE_PIXELS) ? s.density() : 1.0;
        assertThat((double) image.getWidth()).isCloseTo(s.width() * scale, offset(1.0));
        assertThat((double) image.getHeight()).isCloseTo(s.height() * scale, offset(1.0));
    }

    @Test
    default void theScreenshotToolWritesThePngToTheArtifactsDir() throws Exception {
        // Pins: screenshot {name} writes NAME.png under the command's artifacts dir and replies with its path.
        requires(Tool.SCREENSHOT);
        d().launch(LOGIN);
        Path path = Path.of(d().run(Tool.SCREENSHOT, "name", "login").path("path").asText());
        assertThat(path.getFileName().toString()).isEqualTo("login.png");
        assertThat(path.toAbsolutePath().startsWith(d().artifacts().toAbsolutePath())).isTrue();
        assertThat(Files.readAllBytes(path)).startsWith(PNG_SIGNATURE);
    }
}
