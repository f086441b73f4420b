package com.salestalk.servicekit.limits;

import com.salestalk.servicekit.problem.ProblemResponses;
import com.salestalk.servicekit.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@link HttpLimitsProperties#maxBodySize()}: a declared {@code Content-Length} over the
 * limit is answered 413 at once; otherwise the body stream counts bytes and fails with {@link
 * BodyTooLargeException} (mapped to 413) as soon as the limit is passed, so chunked bodies are held
 * to it too. Multipart requests are left to the multipart limits.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final ProblemResponses problems;

  BodySizeLimitFilter(long limit, ProblemResponses problems) {
    this.limit = limit;
    this.problems = problems;
  }

  static String tooLargeDetail(long limit) {
    return "The request body exceeds the limit of " + limit + " bytes";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > limit) {
      problems.write(
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          ProblemTypes.PAYLOAD_TOO_LARGE,
          tooLargeDetail(limit),
          request.getRequestURI());
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  /** A request whose body stream stops at the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;
    private BufferedReader reader;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (reader != null) {
        throw new IllegalStateException("getReader() has already been called");
      }
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        if (stream != null) {
          throw new IllegalStateException("getInputStream() has already been called");
        }
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        reader =
            new BufferedReader(
                new InputStreamReader(new CountingStream(super.getInputStream(), limit), charset));
      }
      return reader;
    }
  }

  /** Counts bytes read and fails once more than {@code limit} have been. */
  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(int n) throws BodyTooLargeException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
      return delegate.available();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
