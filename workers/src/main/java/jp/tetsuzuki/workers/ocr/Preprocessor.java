package jp.tetsuzuki.workers.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Prepares a 300 dpi page for Tesseract: contrast stretch, deskew, removal of form rules and speckles, white border.
 * Form rules matter most: a table's lines make Tesseract's layout analysis split or merge cells and read the lines as
 * characters (一, ｜, ロ). Pixels are removed from the grey image rather than replacing it by a binary one, because
 * Tesseract's LSTM recogniser reads grey levels and does better on them than on our thresholded strokes.
 */
public class Preprocessor {

  /** Longest skew we look for; scans beyond it are rejected by staff anyway. */
  private static final double MAX_SKEW_DEGREES = 3.0;
  private static final int BORDER = 24;

  public GreyImage prepare(GreyImage page) {
    GreyImage stretched = stretchContrast(denoise(page));
    double skew = skewDegrees(stretched);
    GreyImage straight = Math.abs(skew) < 0.05 ? stretched : rotate(stretched, -skew);
    int threshold = otsu(straight);
    GreyImage clean = removeRulesAndSpeckles(straight, threshold);
    return withBorder(clean, BORDER);
  }

  /**
   * Scanner noise left in place becomes thousands of tiny blobs that Tesseract tries to read (minutes per page);
   * a 3×3 box blur, repeated for heavy noise, removes most of it and costs ~30 ms per pass. Noise is estimated on the
   * paper only (bright pixels), as the mean difference between horizontal neighbours.
   */
  static GreyImage denoise(GreyImage image) {
    GreyImage out = image;
    for (int pass = 0; pass < 3 && noiseLevel(out) > 4.0; pass++) {
      out = boxBlur(out);
    }
    return out;
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

  static GreyImage rotate(GreyImage image, double degrees) {
    BufferedImage source = image.toBufferedImage();
    BufferedImage target = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = target.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.width(), image.height());
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.rotate(Math.toRadians(degrees), image.width() / 2.0, image.height() / 2.0);
    g.drawImage(source, 0, 0, null);
    g.dispose();
    return GreyImage.of(target);
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
   * Whitens horizontal and vertical dark runs far longer than any character (form rules), and dark pixels without a
   * dark neighbour (scanner noise). Characters at 300 dpi are 30-60 px, so 1/12 of the page width is safely a rule.
   */
  static GreyImage removeRulesAndSpeckles(GreyImage image, int threshold) {
    int w = image.width();
    int h = image.height();
    byte[] in = image.pixels();
    boolean[] dark = new boolean[w * h];
    for (int i = 0; i < dark.length; i++) {
      dark[i] = (in[i] & 0xff) < threshold;
    }
    boolean[] erase = new boolean[w * h];
    int minRun = Math.max(80, w / 12);
    for (int y = 0; y < h; y++) {
      int run = 0;
      for (int x = 0; x <= w; x++) {
        if (x < w && dark[y * w + x]) {
          run++;
        } else {
          if (run >= minRun) {
            for (int k = x - run; k < x; k++) {
              erase[y * w + k] = true;
            }
          }
          run = 0;
        }
      }
    }
    for (int x = 0; x < w; x++) {
      int run = 0;
      for (int y = 0; y <= h; y++) {
        if (y < h && dark[y * w + x]) {
          run++;
        } else {
          if (run >= minRun) {
            for (int k = y - run; k < y; k++) {
              erase[k * w + x] = true;
            }
          }
          run = 0;
        }
      }
    }
    byte[] out = in.clone();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (erase[i]) {
          out[i] = (byte) 255;
          continue;
        }
        if (dark[i] && isolated(dark, erase, w, h, x, y)) {
          out[i] = (byte) 255;
        } else if (!dark[i] && (in[i] & 0xff) > threshold + (255 - threshold) / 2) {
          out[i] = (byte) 255; // paper texture and light noise become plain paper
        }
      }
    }
    // the anti-aliased fringe of an erased rule would be read as a thin line: whiten its grey neighbours too
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int i = y * w + x;
        if (!erase[i] && !dark[i] && (erase[i - 1] || erase[i + 1] || erase[i - w] || erase[i + w])) {
          out[i] = (byte) 255;
        }
      }
    }
    return new GreyImage(w, h, out);
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
