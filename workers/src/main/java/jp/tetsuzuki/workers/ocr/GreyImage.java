package jp.tetsuzuki.workers.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** 8-bit grey pixels, row by row (0 black, 255 white): the one format our preprocessing and Tesseract share. */
public record GreyImage(int width, int height, byte[] pixels) {

  public int at(int x, int y) {
    return pixels[y * width + x] & 0xff;
  }

  public static GreyImage of(BufferedImage image) {
    BufferedImage grey = image;
    if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
      grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      var g = grey.createGraphics();
      g.setColor(java.awt.Color.WHITE); // transparent areas become paper, not black
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
      g.dispose();
    }
    byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    int stride = grey.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel m
        ? m.getScanlineStride() : grey.getWidth();
    if (stride == grey.getWidth() && data.length == grey.getWidth() * grey.getHeight()) {
      return new GreyImage(grey.getWidth(), grey.getHeight(), data.clone());
    }
    byte[] packed = new byte[grey.getWidth() * grey.getHeight()];
    for (int y = 0; y < grey.getHeight(); y++) {
      System.arraycopy(data, y * stride, packed, y * grey.getWidth(), grey.getWidth());
    }
    return new GreyImage(grey.getWidth(), grey.getHeight(), packed);
  }

  public BufferedImage toBufferedImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(pixels, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
    return image;
  }
}
