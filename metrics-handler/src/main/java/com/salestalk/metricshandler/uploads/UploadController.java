package com.salestalk.metricshandler.uploads;

import com.salestalk.eventcontracts.envelope.Flow;
import com.salestalk.eventcontracts.envelope.TenantId;
import com.salestalk.servicekit.auth.AuthenticatedTenant;
import com.salestalk.servicekit.auth.TenantApi;
import com.salestalk.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The CSV upload API (docs/metrics-handler.md): upload, get, list. Tenant API key only; a tenant
 * sees only its own uploads.
 */
@RestController
@TenantApi
@RequestMapping(path = UploadController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Uploads", description = "CSV uploads of business metrics (tenant API key)")
@SecurityRequirement(name = "apiKey")
class UploadController {

  static final String BASE = "/api/v1/metrics/uploads";
  static final String REPEAT_HEADER = "Upload-Repeat";
  static final String FILE_PART = "file";

  private final UploadIngestion ingestion;
  private final UploadStore store;
  private final UploadsProperties properties;
  private final StreamedFilePart filePart;

  UploadController(UploadIngestion ingestion, UploadStore store, UploadsProperties properties) {
    this.ingestion = ingestion;
    this.store = store;
    this.properties = properties;
    this.filePart = new StreamedFilePart(properties.maxBytes().toBytes());
  }

  /** The multipart form of an upload, as the API documentation shows it. */
  @Schema(requiredProperties = FILE_PART)
  record FileForm(@Schema(description = "The CSV file", format = "binary") String file) {}

  @Operation(
      summary = "Upload a CSV of metrics",
      description =
          "Multipart field `file`: UTF-8 CSV (BOM, CRLF, `,` `;` or tab separated) with a header"
              + " row. Required columns `date` (YYYY-MM-DD or YYYY-MM), `metric`, `value`"
              + " (decimal, may be negative); every other column is a dimension. Rows that are"
              + " individually bad are rejected with reasons while the good rows are stored. The"
              + " same file again (same SHA-256, same tenant) stores nothing and emits no event:"
              + " the answer is 200 with the first upload, its Location and `Upload-Repeat: true`.")
  @ApiResponse(
      responseCode = "201",
      description = "Stored and announced with metrics.ingested.v1",
      headers = @Header(name = "Location", description = "URL of the upload"),
      content = @Content(schema = @Schema(implementation = UploadView.class)))
  @ApiResponse(
      responseCode = "200",
      description = "A repeat: the tenant uploaded the same file before; the first upload",
      headers = {
        @Header(name = "Location", description = "URL of the first upload"),
        @Header(name = REPEAT_HEADER, description = "true")
      },
      content = @Content(schema = @Schema(implementation = UploadView.class)))
  @ApiResponse(responseCode = "400", description = "No `file` part, or an invalid header")
  @ApiResponse(responseCode = "401", description = "Missing or invalid X-Api-Key")
  @ApiResponse(responseCode = "413", description = "Over the size, row or column limit")
  @ApiResponse(
      responseCode = "415",
      description = "Not multipart/form-data, or the file is binary (a ZIP, gzip, PDF, …)")
  @ApiResponse(
      responseCode = "422",
      description =
          "The file cannot be accepted (empty, no data rows, a missing or duplicate column, not"
              + " UTF-8, an unclosed quote, a row with more fields than the header, a cell over"
              + " the limit, no acceptable row); `errors[]` names the file or each row")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
              schema = @Schema(implementation = FileForm.class)))
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<UploadView> upload(
      @Parameter(hidden = true) @AuthenticatedTenant TenantId tenant,
      HttpServletRequest request,
      @Parameter(hidden = true) Flow flow)
      throws IOException, MissingServletRequestPartException {
    UploadIngestion.Outcome outcome =
        filePart.read(
            request,
            FILE_PART,
            (fileName, content) -> ingestion.ingest(tenant, fileName, content, flow));
    URI location = URI.create(BASE + "/" + outcome.upload().id());
    UploadView view = UploadView.of(outcome.upload());
    if (outcome instanceof UploadIngestion.Created) {
      return ResponseEntity.created(location).body(view);
    }
    return ResponseEntity.ok().location(location).header(REPEAT_HEADER, "true").body(view);
  }

  @Operation(summary = "Get an upload of the tenant")
  @ApiResponse(responseCode = "200", description = "The upload")
  @ApiResponse(responseCode = "404", description = "No such upload of this tenant")
  @GetMapping("/{uploadId}")
  UploadView get(
      @Parameter(hidden = true) @AuthenticatedTenant TenantId tenant,
      @PathVariable String uploadId) {
    return store
        .find(tenant, uploadId)
        .map(UploadView::of)
        .orElseThrow(() -> ProblemException.notFound("No upload with id " + uploadId));
  }

  @Operation(
      summary = "List the tenant's uploads",
      description =
          "Newest first. Pass nextPageToken as pageToken to get the next page; the last page has"
              + " no nextPageToken.")
  @ApiResponse(responseCode = "200", description = "A page of uploads")
  @ApiResponse(responseCode = "400", description = "Invalid size or pageToken")
  @GetMapping
  UploadPage list(
      @Parameter(hidden = true) @AuthenticatedTenant TenantId tenant,
      @Parameter(description = "Page size, 1 to 100") @RequestParam(defaultValue = "20") int size,
      @Parameter(description = "nextPageToken of the previous page") @RequestParam(required = false)
          String pageToken) {
    if (size < 1 || size > properties.maxPageSize()) {
      throw ProblemException.invalidParameter(
          "size", "must be between 1 and " + properties.maxPageSize());
    }
    String after = pageToken == null ? null : decode(pageToken);
    UploadStore.Page page = store.page(tenant, size, after);
    return new UploadPage(
        page.uploads().stream().map(UploadView::of).toList(),
        page.lastId() == null ? null : encode(page.lastId()));
  }

  private static String encode(String uploadId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(uploadId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      String id = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (id.matches("upl-[0-9a-f]{12}-[a-z0-9]{10}")) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // not base64url: refused below
    }
    throw ProblemException.invalidParameter("pageToken", "is not a token this API issued");
  }
}
