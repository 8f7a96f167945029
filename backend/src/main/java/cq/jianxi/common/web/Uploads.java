package cq.jianxi.common.web;

import cq.jianxi.common.problem.ApiProblem;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Reads a small uploaded file (a plan, a list) after checking it is there and within its size limit. */
public final class Uploads {

    private Uploads() {
    }

    public static byte[] readSmall(FileUpload file, long maxBytes) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "请上传文件");
        }
        if (file.size() > maxBytes) {
            throw ApiProblem.invalidField("file", "文件过大（上限 " + maxBytes / (1024 * 1024) + " MB）");
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
