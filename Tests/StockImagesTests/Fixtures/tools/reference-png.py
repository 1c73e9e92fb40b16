#!/usr/bin/env python3
"""A PNG decoder with nothing but zlib, to check the shim against: `reference-png.py FILE.png
[R G B]` writes the picture, composited onto the background R G B (default black) as the shim
does, as a binary PPM on standard output. Handles every colour type and bit depth, tRNS, Adam7;
16-bit samples are scaled as libpng's png_set_scale_16; gamma chunks are ignored (as the shim
ignores them). No CRC checks: it is for known-good files."""
import struct, zlib, sys
def decode(path, bg=(0,0,0)):
    d=open(path,'rb').read(); i=8; idat=b''; plte=None; trns=None
    while i<len(d):
        n,t=struct.unpack('>I4s',d[i:i+8]); body=d[i+8:i+8+n]
        if t==b'IHDR': W,H,bd,ct,_,_,il=struct.unpack('>IIBBBBB',body)
        elif t==b'PLTE': plte=body
        elif t==b'tRNS': trns=body
        elif t==b'IDAT': idat+=body
        i+=12+n
    raw=zlib.decompress(idat)
    ch={0:1,2:3,3:1,4:2,6:4}[ct]; bpp=max(1,ch*bd//8)
    img=[[None]*W for _ in range(H)]
    passes=[(0,0,1,1)] if il==0 else [(0,0,8,8),(4,0,8,8),(0,4,4,8),(2,0,4,4),(0,2,2,4),(1,0,2,2),(0,1,1,2)]
    pos=0
    for x0,y0,dx,dy in passes:
        pw=(W-x0+dx-1)//dx if W>x0 else 0; ph=(H-y0+dy-1)//dy if H>y0 else 0
        if pw==0 or ph==0: continue
        stride=(pw*ch*bd+7)//8; prev=bytearray(stride)
        for r in range(ph):
            f=raw[pos]; line=bytearray(raw[pos+1:pos+1+stride]); pos+=1+stride
            for k in range(stride):
                a=line[k-bpp] if k>=bpp else 0; b=prev[k]; c=prev[k-bpp] if k>=bpp else 0
                if f==1: line[k]=(line[k]+a)&255
                elif f==2: line[k]=(line[k]+b)&255
                elif f==3: line[k]=(line[k]+(a+b)//2)&255
                elif f==4:
                    p=a+b-c; pa,pb,pc=abs(p-a),abs(p-b),abs(p-c)
                    line[k]=(line[k]+(a if pa<=pb and pa<=pc else b if pb<=pc else c))&255
            prev=line
            # samples
            if bd==16: s=[line[2*k]<<8|line[2*k+1] for k in range(pw*ch)]
            elif bd==8: s=list(line)
            else:
                s=[]; per=8//bd
                for k in range(pw*ch): s.append((line[k//per]>>(8-bd*(k%per+1)))&((1<<bd)-1))
            for xx in range(pw):
                px=s[xx*ch:(xx+1)*ch]; a=255
                if ct==3:
                    idx=px[0]; rgb=list(plte[idx*3:idx*3+3]); a=trns[idx] if trns and idx<len(trns) else 255
                else:
                    if bd==16: c8=[(v*255+32895)>>16 for v in px]
                    elif bd<8: c8=[v*255//((1<<bd)-1) for v in px]
                    else: c8=px
                    if ct in (0,4): rgb=[c8[0]]*3
                    else: rgb=c8[:3]
                    if ct in (4,6): a=c8[-1]
                    if trns and ct==0 and px[0]==struct.unpack('>H',trns[:2])[0]: a=0
                    if trns and ct==2 and tuple(px)==struct.unpack('>HHH',trns[:6]): a=0
                rgb=[(c*a+g*(255-a)+127)//255 for c,g in zip(rgb,bg)]
                img[y0+r*dy][x0+xx*dx]=rgb
    return W,H,img
if __name__ == "__main__":
    background = tuple(int(v) for v in sys.argv[2:5]) if len(sys.argv) >= 5 else (0, 0, 0)
    W, H, img = decode(sys.argv[1], background)
    sys.stdout.buffer.write(b"P6\n%d %d\n255\n" % (W, H) + bytes(c for row in img for p in row for c in p))
