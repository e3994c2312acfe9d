package jp.tetsuzuki.workers.ocr;


/**
 * Prepares a 300 dpi page for Tesseract: assessment (noise, contrast), denoising of noisy pages only, contrast
 * stretch, deskew, removal of form rules and speckles, white border.
 * Form rules matter most: a table's lines make Tesseract's layout analysis split or merge cells and read the lines as
 * characters (一, ｜, ロ). Pixels are removed from the grey image rather than replacing it by a binary one, because
 * Tesseract's LSTM recogniser reads grey levels and does better on them than on our thresholded strokes.
 */
public class Preprocessor {

  /** Longest skew we look for; scans beyond it are rejected by staff anyway. */
  private static final double MAX_SKEW_DEGREES = 3.0;
  private static final int BORDER = 24;
  /** Paper noise above this (mean neighbour difference, grey levels) marks a noisy scan. */
  static final double NOISY = 3.0;
  /** Paper − ink grey below this marks a faint scan (grey print on grey paper); reported, changes no step. */
  static final int FAINT = 160;

  /** What the cheap page statistics say about a scan; {@code noisy} decides which steps run. */
  public record Assessment(double noise, int contrast, boolean noisy, boolean faint) {}

  public GreyImage prepare(GreyImage page) {
    return prepare(page, assess(page));
  }

  /**
   * Noise is the mean difference between horizontal neighbours on the paper (clean, rotated, blurred or faint pages:
   * below 0.3; the scanner noise we generate: 4.7 to 16); contrast is the difference between the mean paper and the
   * mean ink grey (Otsu's split): about 240 on a clean print, about 95 on grey print on grey paper. Only noise changes what
   * {@link #prepare} does; the contrast stretch is cheap and harmless on good pages, so it always runs.
   */
  public static Assessment assess(GreyImage page) {
    double noise = noiseLevel(page);
    int[] histogram = histogram(page);
    int threshold = otsu(page);
    long inkSum = 0;
    long inkCount = 0;
    long paperSum = 0;
    long paperCount = 0;
    for (int v = 0; v < 256; v++) {
      if (v < threshold) {
        inkSum += (long) v * histogram[v];
        inkCount += histogram[v];
      } else {
        paperSum += (long) v * histogram[v];
        paperCount += histogram[v];
      }
    }
    int contrast = inkCount == 0 || paperCount == 0 ? 0 : (int) (paperSum / paperCount - inkSum / inkCount);
    return new Assessment(noise, contrast, noise > NOISY, contrast < FAINT);
  }

  GreyImage prepare(GreyImage page, Assessment assessment) {
    GreyImage smooth = assessment.noisy() ? denoise(page) : page;
    GreyImage stretched = stretchContrast(smooth);
    double skew = skewDegrees(stretched);
    GreyImage straight = Math.abs(skew) < 0.05 ? stretched : rotate(stretched, -skew);
    int threshold = otsu(straight);
    GreyImage clean = removeRulesAndSpeckles(straight, threshold, assessment.noisy());
    return withBorder(clean, BORDER);
  }

  /**
   * Scanner noise left in place becomes thousands of tiny blobs that Tesseract tries to read (minutes per page).
   * A 3×3 median removes dust and halves Gaussian noise without rounding the strokes; a 3×3 box blur follows while
   * noise remains (at most twice), ~30 ms a pass.
   */
  static GreyImage denoise(GreyImage image) {
    GreyImage out = median3(image);
    for (int pass = 0; pass < 2 && noiseLevel(out) > NOISY; pass++) {
      out = boxBlur(out);
    }
    return out;
  }

  /**
   * 3×3 median, approximated as the median of the three column medians (a pseudo-median that removes dust and
   * halves Gaussian noise like the true one, at a fifth of the cost because column medians are shared by neighbours).
   */
  static GreyImage median3(GreyImage image) {
    int w = image.width();
    int h = image.height();
    byte[] in = image.pixels();
    byte[] out = in.clone();
    int[] column = new int[w];
    for (int y = 1; y < h - 1; y++) {
      int above = (y - 1) * w;
      int row = y * w;
      int below = (y + 1) * w;
      for (int x = 0; x < w; x++) {
        column[x] = median3(in[above + x] & 0xff, in[row + x] & 0xff, in[below + x] & 0xff);
      }
      for (int x = 1; x < w - 1; x++) {
        out[row + x] = (byte) median3(column[x - 1], column[x], column[x + 1]);
      }
    }
    return new GreyImage(w, h, out);
  }

  private static int median3(int a, int b, int c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  static double noiseLevel(GreyImage image) {
    int w = image.width();
    byte[] p = image.pixels();
    int threshold = otsu(image);
    long sum = 0;
    long count = 0;
    for (int y = 0; y < image.height(); y += 4) {
      for (int x = 1; x < w; x++) {
        int a = p[y * w + x - 1] & 0xff;
        int b = p[y * w + x] & 0xff;
        if (a > threshold + 20 && b > threshold + 20) {
          sum += Math.abs(a - b);
          count++;
        }
      }
    }
    return count == 0 ? 0 : (double) sum / count;
  }

  static GreyImage boxBlur(GreyImage image) {
    int w = image.width();
    int h = image.height();
    byte[] in = image.pixels();
    int[] horizontal = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        horizontal[i] = (in[i] & 0xff) + (in[x > 0 ? i - 1 : i] & 0xff) + (in[x < w - 1 ? i + 1 : i] & 0xff);
      }
    }
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        int sum = horizontal[i] + horizontal[y > 0 ? i - w : i] + horizontal[y < h - 1 ? i + w : i];
        out[i] = (byte) (sum / 9);
      }
    }
    return new GreyImage(w, h, out);
  }

  /** Maps the 1st..99th percentile of grey to 0..255, so faint scans get the contrast of a clean print. */
  static GreyImage stretchContrast(GreyImage image) {
    int[] histogram = histogram(image);
    int total = image.pixels().length;
    int low = percentile(histogram, total, 0.01);
    int high = percentile(histogram, total, 0.99);
    if (high - low < 10 || (low < 8 && high > 247)) {
      return image;
    }
    byte[] lut = new byte[256];
    for (int v = 0; v < 256; v++) {
      lut[v] = (byte) Math.max(0, Math.min(255, (v - low) * 255 / (high - low)));
    }
    byte[] out = new byte[total];
    byte[] in = image.pixels();
    for (int i = 0; i < total; i++) {
      out[i] = lut[in[i] & 0xff];
    }
    return new GreyImage(image.width(), image.height(), out);
  }

  /**
   * Skew by projection profiles: rotated the right way, text rows project onto few, dense bins. Searched on a 1/4
   * scale copy, coarse then fine, which costs a few milliseconds.
   */
  static double skewDegrees(GreyImage image) {
    int scale = 4;
    int threshold = otsu(image);
    int w = image.width() / scale;
    int h = image.height() / scale;
    int count = 0;
    int[] xs = new int[w * h];
    int[] ys = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (image.at(x * scale, y * scale) < threshold) {
          xs[count] = x;
          ys[count] = y;
          count++;
        }
      }
    }
    if (count < 100) {
      return 0;
    }
    double best = 0;
    double bestScore = -1;
    for (double step : new double[] {0.5, 0.1, 0.02}) {
      double centre = best;
      double range = step == 0.5 ? MAX_SKEW_DEGREES : step * 5;
      for (double angle = centre - range; angle <= centre + range + 1e-9; angle += step) {
        double score = profileScore(xs, ys, count, h, w, angle);
        if (score > bestScore) {
          bestScore = score;
          best = angle;
        }
      }
    }
    return best;
  }

  private static double profileScore(int[] xs, int[] ys, int count, int h, int w, double degrees) {
    double tan = Math.tan(Math.toRadians(degrees));
    int offset = (int) Math.ceil(Math.abs(tan) * w) + 1;
    int[] bins = new int[h + 2 * offset];
    for (int i = 0; i < count; i++) {
      int bin = (int) Math.round(ys[i] - xs[i] * tan) + offset;
      if (bin >= 0 && bin < bins.length) {
        bins[bin]++;
      }
    }
    double score = 0;
    for (int b : bins) {
      score += (double) b * b;
    }
    return score;
  }

  /** Rotation about the centre with bilinear interpolation in 16.16 fixed point; uncovered corners become paper. */
  static GreyImage rotate(GreyImage image, double degrees) {
    int w = image.width();
    int h = image.height();
    byte[] in = image.pixels();
    byte[] out = new byte[w * h];
    double radians = Math.toRadians(degrees);
    // inverse mapping: for each target pixel, the source position rotated back by -degrees
    long cos = Math.round(Math.cos(radians) * 65536);
    long sin = Math.round(Math.sin(radians) * 65536);
    long cx = (long) (w / 2.0 * 65536);
    long cy = (long) (h / 2.0 * 65536);
    for (int y = 0; y < h; y++) {
      long dy = ((long) y << 16) - cy;
      long sx = cx + ((-cx) * cos >> 16) + (dy * sin >> 16);
      long sy = cy - ((-cx) * sin >> 16) + (dy * cos >> 16);
      for (int x = 0; x < w; x++, sx += cos, sy -= sin) {
        int x0 = (int) (sx >> 16);
        int y0 = (int) (sy >> 16);
        int i = y * w + x;
        if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
          out[i] = (byte) 255;
          continue;
        }
        int fx = (int) (sx & 0xffff);
        int fy = (int) (sy & 0xffff);
        int s = y0 * w + x0;
        int top = (in[s] & 0xff) * (65536 - fx) + (in[s + 1] & 0xff) * fx;
        int bottom = (in[s + w] & 0xff) * (65536 - fx) + (in[s + w + 1] & 0xff) * fx;
        out[i] = (byte) (((long) top * (65536 - fy) + (long) bottom * fy) >>> 32);
      }
    }
    return new GreyImage(w, h, out);
  }

  static int otsu(GreyImage image) {
    int[] histogram = histogram(image);
    long total = image.pixels().length;
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      sum += (double) i * histogram[i];
    }
    double sumBackground = 0;
    long weightBackground = 0;
    double bestVariance = -1;
    int threshold = 128;
    for (int t = 0; t < 256; t++) {
      weightBackground += histogram[t];
      if (weightBackground == 0) {
        continue;
      }
      long weightForeground = total - weightBackground;
      if (weightForeground == 0) {
        break;
      }
      sumBackground += (double) t * histogram[t];
      double meanBackground = sumBackground / weightBackground;
      double meanForeground = (sum - sumBackground) / weightForeground;
      double between = (double) weightBackground * weightForeground * Math.pow(meanBackground - meanForeground, 2);
      if (between > bestVariance) {
        bestVariance = between;
        threshold = t;
      }
    }
    return threshold + 1;
  }

  /**
   * Whitens form rules and noise. A rule is a stretch of at least 1/12 of the page width (characters at 300 dpi are
   * 30-60 px) that is at least 85 % dark along one row or column, so a rule broken by noise, fading or a slight
   * residual skew is still found whole; the rule's anti-aliased or blurred fringe, two pixels on each side, goes with
   * it. Rule fragments left behind are what made Tesseract read ｜/ー and spend a minute on a page. Dark pixels
   * without a dark neighbour (dust) and light paper texture become paper. On noisy scans, dark specks smaller than
   * a dakuten are removed too and the remaining background is set to plain white.
   */
  static GreyImage removeRulesAndSpeckles(GreyImage image, int threshold, boolean noisy) {
    int w = image.width();
    int h = image.height();
    byte[] in = image.pixels();
    boolean[] dark = new boolean[w * h];
    for (int i = 0; i < dark.length; i++) {
      dark[i] = (in[i] & 0xff) < threshold;
    }
    boolean[] erase = new boolean[w * h];
    int minRun = Math.max(160, w / 12);
    markRules(dark, erase, w, h, minRun, true);
    markRules(dark, erase, w, h, minRun, false);
    if (noisy) {
      removeSmallComponents(dark, erase, w, h, 12);
    }
    byte[] out = in.clone();
    int paper = threshold + (255 - threshold) / (noisy ? 4 : 2);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (erase[i]) {
          out[i] = (byte) 255;
        } else if (dark[i] && isolated(dark, erase, w, h, x, y)) {
          out[i] = (byte) 255;
        } else if (!dark[i] && (in[i] & 0xff) > paper) {
          out[i] = (byte) 255; // paper texture and light noise become plain paper
        }
      }
    }
    return new GreyImage(w, h, out);
  }

  /** Marks rules along rows ({@code horizontal}) or columns, with a fringe of {@link #FRINGE} pixels across them. */
  private static void markRules(boolean[] dark, boolean[] erase, int w, int h, int minRun, boolean horizontal) {
    int lines = horizontal ? h : w;
    int length = horizontal ? w : h;
    int need = (int) Math.ceil(minRun * 0.85);
    int[] prefix = new int[length + 1];
    boolean[] rule = new boolean[length];
    for (int line = 0; line < lines; line++) {
      for (int k = 0; k < length; k++) {
        int i = horizontal ? line * w + k : k * w + line;
        prefix[k + 1] = prefix[k] + (dark[i] ? 1 : 0);
      }
      if (prefix[length] < need) {
        continue;
      }
      java.util.Arrays.fill(rule, false);
      boolean any = false;
      int markedTo = 0;
      for (int k = 0; k + minRun <= length; k++) {
        if (prefix[k + minRun] - prefix[k] >= need) {
          for (int j = Math.max(k, markedTo); j < k + minRun; j++) {
            rule[j] = true;
          }
          markedTo = k + minRun;
          any = true;
        }
      }
      if (!any) {
        continue;
      }
      for (int k = 0; k < length; k++) {
        if (!rule[k]) {
          continue;
        }
        for (int d = -FRINGE; d <= FRINGE; d++) {
          int across = line + d;
          if (across >= 0 && across < lines) {
            erase[horizontal ? across * w + k : k * w + across] = true;
          }
        }
      }
    }
  }

  private static final int FRINGE = 2;

  /** Removes 8-connected dark components of fewer than {@code minPixels} pixels (noise specks). */
  private static void removeSmallComponents(boolean[] dark, boolean[] erase, int w, int h, int minPixels) {
    boolean[] seen = new boolean[w * h];
    int[] stack = new int[w * h];
    int[] component = new int[minPixels];
    for (int start = 0; start < dark.length; start++) {
      if (!dark[start] || erase[start] || seen[start]) {
        continue;
      }
      int top = 0;
      int size = 0;
      stack[top++] = start;
      seen[start] = true;
      while (top > 0) {
        int i = stack[--top];
        if (size < minPixels) {
          component[size] = i;
        }
        size++;
        int x = i % w;
        int y = i / w;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
              int n = ny * w + nx;
              if (dark[n] && !erase[n] && !seen[n]) {
                seen[n] = true;
                stack[top++] = n;
              }
            }
          }
        }
      }
      if (size < minPixels) {
        for (int k = 0; k < size; k++) {
          erase[component[k]] = true;
        }
      }
    }
  }

  private static boolean isolated(boolean[] dark, boolean[] erase, int w, int h, int x, int y) {
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        if (dx == 0 && dy == 0) {
          continue;
        }
        int nx = x + dx;
        int ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < w && ny < h && dark[ny * w + nx] && !erase[ny * w + nx]) {
          return false;
        }
      }
    }
    return true;
  }

  static GreyImage withBorder(GreyImage image, int border) {
    int w = image.width() + 2 * border;
    int h = image.height() + 2 * border;
    byte[] out = new byte[w * h];
    java.util.Arrays.fill(out, (byte) 255);
    for (int y = 0; y < image.height(); y++) {
      System.arraycopy(image.pixels(), y * image.width(), out, (y + border) * w + border, image.width());
    }
    return new GreyImage(w, h, out);
  }

  private static int[] histogram(GreyImage image) {
    int[] histogram = new int[256];
    for (byte b : image.pixels()) {
      histogram[b & 0xff]++;
    }
    return histogram;
  }

  private static int percentile(int[] histogram, int total, double p) {
    long target = (long) (total * p);
    long seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen > target) {
        return v;
      }
    }
    return 255;
  }
}
