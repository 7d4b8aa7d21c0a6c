import java.io.*;
import java.nio.file.*;
import javax.servlet.http.*;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class FileController {
    private static final Path BASE = Paths.get("/srv/uploads").toAbsolutePath().normalize();

    @GetMapping("/files")
    public byte[] read(@RequestParam String name) throws IOException {
        // ruleid: java-path-traversal-request-data
        return Files.readAllBytes(Paths.get("/srv/uploads", name));
    }

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String file = req.getParameter("file");
        // ruleid: java-path-traversal-request-data
        try (InputStream in = new FileInputStream("/srv/reports/" + file)) {
            in.transferTo(resp.getOutputStream());
        }
    }

    @PostMapping("/upload")
    public void upload(@RequestParam("file") MultipartFile upload) throws IOException {
        // ruleid: java-path-traversal-request-data
        upload.transferTo(new File("/srv/uploads/" + upload.getOriginalFilename()));
    }

    @DeleteMapping("/files/{name}")
    public void delete(@PathVariable("name") String name) throws IOException {
        // ruleid: java-path-traversal-request-data
        Files.delete(BASE.resolve(name));
    }

    @GetMapping("/files-safe")
    public byte[] readSafe(@RequestParam String name) throws IOException {
        // ok: java-path-traversal-request-data
        return Files.readAllBytes(BASE.resolve(FilenameUtils.getName(name)));
    }

    @GetMapping("/files-checked")
    public byte[] readChecked(@RequestParam String name) throws IOException {
        Path target = BASE.resolve(name).normalize();
        if (!target.startsWith(BASE)) {
            throw new SecurityException("invalid path");
        }
        // ok: java-path-traversal-request-data
        return Files.readAllBytes(target);
    }

    @GetMapping("/report")
    public byte[] report() throws IOException {
        // ok: java-path-traversal-request-data
        return Files.readAllBytes(BASE.resolve("latest.pdf"));
    }
}
