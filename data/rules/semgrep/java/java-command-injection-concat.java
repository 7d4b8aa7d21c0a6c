import java.io.IOException;
import java.util.Arrays;

public class ImageService {
    public Process thumbnail(String file) throws IOException {
        // ruleid: java-command-injection-concat
        return Runtime.getRuntime().exec("convert " + file + " -resize 100x100 thumb.png");
    }

    public Process ping(String host) throws IOException {
        String cmd = String.format("ping -c 1 %s", host);
        // ruleid: java-command-injection-concat
        return Runtime.getRuntime().exec(cmd);
    }

    public Process archive(String dir) throws IOException {
        // ruleid: java-command-injection-concat
        return new ProcessBuilder("sh", "-c", "tar czf out.tgz " + dir).start();
    }

    public Process list(String dir) throws IOException {
        // ruleid: java-command-injection-concat
        return Runtime.getRuntime().exec(new String[]{"/bin/bash", "-c", dir});
    }

    public Process thumbnailSafe(String file) throws IOException {
        // ok: java-command-injection-concat
        return new ProcessBuilder("convert", file, "-resize", "100x100", "thumb.png").start();
    }

    public Process pingSafe(String host) throws IOException {
        // ok: java-command-injection-concat
        return Runtime.getRuntime().exec(new String[]{"ping", "-c", "1", host});
    }

    public Process uptime() throws IOException {
        // ok: java-command-injection-concat
        return new ProcessBuilder("sh", "-c", "uptime | cut -d, -f1").start();
    }
}
